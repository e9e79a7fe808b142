-- wrk's script for bench/submissions.ts: POST /api/submissions with a body of the pool the bench
-- wrote (BENCH_WRK_BODIES: a Lua file returning { { before_id, after_id, kiosk_token }, ... }) and
-- a fresh UUID (version 4) per request. The id is the run's nonce (BENCH_WRK_NONCE, 8 hex digits),
-- the thread's number and the thread's request counter, with random bits between: no two requests
-- of a run share an id, so every 201 is a new response and a 200 (a replay) would be a fault.
-- Each request carries its kiosk's X-Kiosk-Token, as a kiosk sends it.
-- At the end, the statuses, the requests sent and the acknowledged ids (read from each receipt)
-- go to BENCH_WRK_OUT (JSON) and BENCH_WRK_OUT .. '.ids' (one id a line), for the bench to
-- check against the stored rows.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set('thread_number', #threads)
end

function init(args)
  bodies = dofile(os.getenv('BENCH_WRK_BODIES'))
  nonce = os.getenv('BENCH_WRK_NONCE')
  math.randomseed(os.time() * 1000 + thread_number)
  sent = 0
  acked = 0
  acked_ids = {}
  statuses = {}
end

function request()
  sent = sent + 1
  local body = bodies[(sent * 7 + thread_number) % #bodies + 1]
  local id = string.format('%s-%04x-4%03x-%x%03x-%012x', nonce, thread_number, math.random(0, 4095),
    8 + math.random(0, 3), math.random(0, 4095), sent)
  return wrk.format('POST', '/api/submissions',
    { ['Content-Type'] = 'application/json', ['X-Kiosk-Token'] = body[3] },
    body[1] .. id .. body[2])
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  if status == 201 or status == 200 then
    acked = acked + 1
    acked_ids[acked] = string.match(body, '"id":"([^"]+)"')
  end
end

function done(summary, latency, requests)
  local out = os.getenv('BENCH_WRK_OUT')
  local ids = io.open(out .. '.ids', 'w')
  local total_sent = 0
  local all = {}
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get('sent')
    for status, n in pairs(thread:get('statuses')) do all[status] = (all[status] or 0) + n end
    for _, id in ipairs(thread:get('acked_ids')) do ids:write(id, '\n') end
  end
  ids:close()
  local parts = {}
  for status, n in pairs(all) do table.insert(parts, string.format('"%s":%d', status, n)) end
  local errors = summary.errors
  local file = io.open(out, 'w')
  file:write(string.format(
    '{"durationUs":%d,"responses":%d,"sent":%d,"statuses":{%s},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d}}',
    summary.duration, summary.requests, total_sent, table.concat(parts, ','),
    errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
  file:close()
end
