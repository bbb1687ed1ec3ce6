-- POST a registration: a new dataset with its identification and its candidates, one
-- transaction with its audit entries. Each request has a reference of its own.
local token = os.getenv("PACTUM_TOKEN")
local thread_id = 0
local counter = 0
setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
request = function()
  counter = counter + 1
  local body = string.format('{"category":"A","reference":"LOAD-%d-%d-%d","givenNames":"Omar","familyNames":"Loadtest%d","dateOfBirth":"1990-03-12","sex":"M","nationalities":"SYR","eventAt":"2026-11-16T08:00:00Z","eventPlace":"Lampedusa"}',
    tid, counter, math.random(1, 1000000000), counter % 500)
  return wrk.format("POST", "/api/v1/registry/datasets",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
