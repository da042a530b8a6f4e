-- One request, sent over and over on every connection: its method, key and body come from the
-- environment, so one script serves every route of bench/http.ts.
--   WRK_METHOD     GET (default) or POST
--   WRK_KEY        an API key, sent as "Authorization: Bearer <key>" (none when unset)
--   WRK_BODY_FILE  a file whose contents are the JSON body (none when unset)
wrk.method = os.getenv("WRK_METHOD") or "GET"
local key = os.getenv("WRK_KEY")
if key ~= nil and key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end
local bodyFile = os.getenv("WRK_BODY_FILE")
if bodyFile ~= nil and bodyFile ~= "" then
  local f = assert(io.open(bodyFile, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

-- wrk counts only socket errors and non-2xx/3xx answers; the summary line below lets the bench
-- tell a refused (401, 429) run from a good one, per status.
statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function setup(thread)
  table.insert(threads, thread)
end
threads = {}

function done(summary, latency, requests)
  local byStatus = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do
      byStatus[code] = (byStatus[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(byStatus) do
    table.insert(parts, string.format('"%d":%d', code, n))
  end
  io.write(string.format('WRK_JSON {"requests":%d,"seconds":%.3f,"socketErrors":%d,"non2xx":%d,"p50Us":%d,"p99Us":%d,"byStatus":{%s}}\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50), latency:percentile(99), table.concat(parts, ",")))
end
