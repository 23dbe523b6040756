-- Every request gets a new query string, so the page cache never hits and
-- each request renders the film page from the database.
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. "?bench=" .. n .. "-" .. math.random(1, 1e9))
end
