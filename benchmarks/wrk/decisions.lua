-- wrk script: POST /v1/decisions as DecisionBenchmark sends them (random customers sim-c-1..N, half
-- on a product page of the demo catalog, half on the home page). wrk is closed loop: each connection
-- waits for its answer, then BENCH_WRK_DELAY_MS, then sends the next. With C connections the rate is
-- at most C / (delay + latency), which holds wrk near one of DecisionBenchmark's steps.
local customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "10000")
local items = tonumber(os.getenv("BENCH_CATALOG_ITEMS") or "1000")
local pause = tonumber(os.getenv("BENCH_WRK_DELAY_MS") or "0")

wrk.method = "POST"
wrk.path = "/v1/decisions"
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
  thread:set("seed", math.random(1, 2147483647))
end

function init(args)
  math.randomseed(seed)
end

function delay()
  return pause
end

function request()
  local context = '{"page":"home"}'
  if math.random() < 0.5 then
    context = string.format('{"itemId":"sku-%d","page":"product"}', math.random(0, items - 1))
  end
  local body = string.format('{"customerId":"sim-c-%d","limit":10,"context":%s}', math.random(1, customers), context)
  return wrk.format(nil, nil, nil, body)
end
