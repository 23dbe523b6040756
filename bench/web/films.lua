-- A different film on every request: paths are read from the file named by
-- the PATHS environment variable (one path a line) and taken at random;
-- with UNIQUE=1 each request also gets a new query string, so serve's page
-- cache never hits and every page is rendered from the database.
local paths = {}
local unique = os.getenv("UNIQUE") == "1"
for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end
local n = 0
request = function()
  n = n + 1
  local p = paths[math.random(1, #paths)]
  if unique then
    p = p .. "?bench=" .. n .. "-" .. math.random(1, 1e9)
  end
  return wrk.format("GET", p)
end
