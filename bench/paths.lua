-- wrk script: each thread cycles through the request paths in the file named by the PATHS environment
-- variable, the threads starting evenly apart (THREADS, default 2, must match wrk -t), so that consecutive
-- requests differ and, in a file of distinct paths, no path is asked twice until the file is used up.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local paths = {}
local counter = 0
function init(args)
  for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
  local count = tonumber(os.getenv("THREADS") or "2")
  counter = math.floor((id - 1) * #paths / count) % #paths
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
