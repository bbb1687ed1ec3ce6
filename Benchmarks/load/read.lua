-- GET one dataset by id, the registry's most frequent read (audited like every read).
local ids = {}
local token = os.getenv("PACTUM_TOKEN")
for id in string.gmatch(os.getenv("PACTUM_IDS") or "", "[^,]+") do ids[#ids + 1] = id end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/registry/datasets/" .. ids[(n % #ids) + 1], {["Authorization"] = "Bearer " .. token})
end
