-- wrk script: each thread cycles through the request paths in the file named by the PATHS environment
-- variable, starting at a different offset, so that consecutive requests differ.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 997)
end

local paths = {}
local counter = 0
function init(args)
  for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
  counter = offset % #paths
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
