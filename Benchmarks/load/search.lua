-- POST a registry search by name and date of birth (the 1:N biographic identification).
local token = os.getenv("PACTUM_TOKEN")
local names = {"Al-Hassan", "Haddad", "Rahimi", "Nazari", "Ahmadi", "Yusuf", "Mansour", "Karimi"}
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"purpose":"identity-check","familyNames":"%s","dateOfBirth":"199%d-0%d-1%d"}',
    names[(n % #names) + 1], n % 10, (n % 9) + 1, n % 10)
  return wrk.format("POST", "/api/v1/registry/search",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
