-- wrk script for tools/bench/http.sh: one page, as a browser asks for it.
--
-- Environment (read by every wrk thread):
--   BENCH_LABEL   the name printed on the result line
--   BENCH_COOKIE  optional Cookie header: every request signed in as one person
--   BENCH_ROTATE  optional file of lines "COOKIE<TAB>PATH[<TAB>…]": request i goes to line i,
--                 so that each request is a different person reading their own page
--                 (the directory of 1,000 porteurs' projects)
--
-- done() prints one machine-readable line:
--   RESULT <label> <req/s> <p50 ms> <p99 ms> <errors> <requests> <bytes per response>
-- where errors are responses >= 400 plus socket errors (connect, read, write, timeout),
-- and bytes count what came over the socket (headers and compressed body).

local label = os.getenv("BENCH_LABEL") or wrk.path
local cookie = os.getenv("BENCH_COOKIE")
local rotate = os.getenv("BENCH_ROTATE")

-- Every request says what a current browser says, so the server compresses as it would.
local headers = { ["Accept-Encoding"] = "br, gzip" }
if cookie and cookie ~= "" then
  headers["Cookie"] = cookie
end

local requests = {}
local next_request = 1

function setup(thread)
  -- Threads start at different lines, so that they do not read the same person at once.
  thread:set("offset", math.random(1000000))
end

function init(args)
  if rotate and rotate ~= "" then
    for line in io.lines(rotate) do
      local jar, path = line:match("^([^\t]*)\t([^\t]+)")
      if path then
        local h = { ["Accept-Encoding"] = "br, gzip", ["Cookie"] = jar }
        requests[#requests + 1] = wrk.format("GET", path, h)
      end
    end
    if #requests == 0 then
      error("no requests in " .. rotate)
    end
    next_request = (offset or 0) % #requests + 1
  else
    requests[1] = wrk.format("GET", nil, headers)
  end
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function done(summary, latency, _)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  local seconds = summary.duration / 1e6
  local per_response = 0
  if summary.requests > 0 then
    per_response = summary.bytes / summary.requests
  end
  io.write(string.format("RESULT\t%s\t%.0f\t%.2f\t%.2f\t%d\t%d\t%.0f\n",
    label, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests, per_response))
end
