/**
 * Subqueries (alignment to absolute multiples of the step, offsets, nesting) and the @ modifier,
 * ported from Prometheus's promql/promqltest/testdata/subquery.test and at_modifier.test.
 */
import { describe } from 'vitest';
import { promqlScript } from './promqltest';

describe('subqueries (subquery.test)', () => {
  promqlScript('subquery', `
load 10s
  metric_total 1 2

eval instant at 10s sum_over_time(metric_total[50s:10s])
  {} 3

eval instant at 10s sum_over_time(metric_total[50s:5s])
  {} 4

eval instant at 5m sum_over_time(metric_total[50s:10s])
  {} 10

# Stale 5m after the last sample (left-open lookback): a single sample at 5m0s.
eval instant at 5m59s sum_over_time(metric_total[60s:10s])
  {} 2

eval instant at 10s rate(metric_total[20s:10s])
  {} 0.1

eval instant at 20s rate(metric_total[20s:5s])
  {} 0.06666666666666667

clear

load 10s
  http_requests_total{job="api-server", instance="1", group="production"} 0+20x1000 200+30x1000
  http_requests_total{job="api-server", instance="0", group="production"} 0+10x1000 100+30x1000
  http_requests_total{job="api-server", instance="0", group="canary"}  0+30x1000 300+80x1000
  http_requests_total{job="api-server", instance="1", group="canary"}  0+40x2000

eval instant at 8000s rate(http_requests_total{group=~"pro.*"}[1m:10s])
  {job="api-server", instance="0", group="production"} 1
  {job="api-server", instance="1", group="production"} 2

eval instant at 20000s avg_over_time(rate(http_requests_total[1m])[1m:1s])
  {job="api-server", instance="0", group="canary"}     8
  {job="api-server", instance="1", group="canary"}     4
  {job="api-server", instance="1", group="production"} 3
  {job="api-server", instance="0", group="production"} 3

clear

load 10s
  metric1_total 0+1x1000
  metric2_total 0+2x1000
  metric3_total 0+3x1000

eval instant at 1000s sum_over_time(metric1_total[30s:10s])
  {} 297

eval instant at 1000s sum_over_time(metric1_total[30s:5s])
  {} 591

eval instant at 1010s sum_over_time(metric1_total[30s:10s] offset 10s)
  {} 297

eval instant at 1010s sum_over_time(metric1_total[30s:10s] offset 9s)
  {} 297

eval instant at 1010s sum_over_time(metric1_total[30s:10s] offset 3s)
  {} 297

eval instant at 1010s sum_over_time((metric1_total)[30s:10s] offset 3s)
  {} 297

eval instant at 1010s sum_over_time(metric1_total[30:10] offset 3)
  {} 297

eval instant at 1010s sum_over_time((metric1_total)[30:10] offset 3s)
  {} 297

eval instant at 1000s rate(sum_over_time(metric1_total[30s:10s])[50s:10s])
  {} 0.30000000000000004

eval instant at 1000s rate(sum_over_time(metric3_total[30s:10s])[50s:10s])
  {} 0.9

eval instant at 1000s rate(sum_over_time((metric1_total+metric2_total+metric3_total)[30s:10s])[30s:10s])
  {} 1.8

clear

load 7s
  metric_total 1 1 2 3 5 8 13 21 34 55 89 144 233 377 610 987 1597 2584 4181 6765 10946 17711 28657 46368 75025 121393 196418 317811 514229 832040 1346269 2178309 3524578 5702887 9227465 14930352 24157817 39088169 63245986 102334155 165580141 267914296 433494437 701408733 1134903170 1836311903 2971215073 4807526976 7778742049 12586269025 20365011074 32951280099 53316291173 86267571272 139583862445 225851433717 365435296162 591286729879 956722026041 1548008755920 2504730781961 4052739537881 6557470319842 10610209857723 17167680177565 27777890035288 44945570212853 72723460248141 117669030460994 190392490709135 308061521170129 498454011879264 806515533049393 1304969544928657 2111485077978050 3416454622906707 5527939700884757 8944394323791464 14472334024676221 23416728348467685 37889062373143906 61305790721611591 99194853094755497 160500643816367088 259695496911122585 420196140727489673 679891637638612258 1100087778366101931 1779979416004714189 2880067194370816120 4660046610375530309 7540113804746346429 12200160415121876738 19740274219868223167 31940434634990099905 51680708854858323072 83621143489848422977 135301852344706746049 218922995834555169026

# Extrapolated from [3@21, 144@77]: (144 - 3) / (77 - 21)
eval instant at 80s rate(metric_total[1m])
  {} 2.517857143

# Extrapolated to range start for counter, [2@20, 144@80]: (144 - 2) / (80 - 20)
eval instant at 80s rate(metric_total[1m500ms:10s])
  {} 2.3666666666666667

# Extrapolated to zero value for counter, [2@20, 144@80]: (144 - 0) / 61
eval instant at 80s rate(metric_total[1m1s:10s])
  {} 2.360655737704918

eval instant at 20s min_over_time(metric_total[10s])
  {} 2

eval instant at 20s min_over_time(metric_total[15s:10s])
  {} 1

eval instant at 20m min_over_time(rate(metric_total[5m])[20m:1m])
  {} 0.12119047619047618
`);
});

describe('@ modifier (at_modifier.test)', () => {
  promqlScript('at', `
load 10s
  metric{job="1"} 0+1x1000
  metric{job="2"} 0+2x1000

load 1ms
  metric_ms 0+1x10000

eval instant at 10s metric @ 100
  metric{job="1"} 10
  metric{job="2"} 20

eval instant at 10s metric @ 1m40s
  metric{job="1"} 10
  metric{job="2"} 20

eval instant at 10s metric @ 100 offset 50s
  metric{job="1"} 5
  metric{job="2"} 10

eval instant at 10s metric offset 50 @ 100
  metric{job="1"} 5
  metric{job="2"} 10

eval instant at 10s metric @ 0 offset -50s
  metric{job="1"} 5
  metric{job="2"} 10

eval instant at 10s metric offset -50 @ 0
  metric{job="1"} 5
  metric{job="2"} 10

eval instant at 10s -metric @ 100
  {job="1"} -10
  {job="2"} -20

eval instant at 10s ---metric @ 100
  {job="1"} -10
  {job="2"} -20

eval instant at 100s metric_ms @ 1.234
  metric_ms 1234

eval instant at 25s sum_over_time(metric{job="1"}[100s] @ 100)
  {job="1"} 55

eval instant at 25s sum_over_time(metric{job="1"}[100s] @ 100 offset 50s)
  {job="1"} 15

eval instant at 25s sum_over_time(metric{job="1"}[100] offset 50s @ 100)
  {job="1"} 15

eval instant at 25s metric{job="1"} @ 50 + metric{job="1"} @ 100
  {job="1"} 15

eval instant at 25s rate(metric{job="1"}[100s] @ 100) + label_replace(rate(metric{job="2"}[123s] @ 200), "job", "1", "", "")
  {job="1"} 0.3

eval instant at 25s sum_over_time(metric{job="1"}[100s] @ 100) + label_replace(sum_over_time(metric{job="2"}[100s] @ 100), "job", "1", "", "")
  {job="1"} 165

eval instant at 25s sum_over_time(metric{job="1"}[100s:1s] @ 100)
  {job="1"} 460

eval instant at 25s sum_over_time(metric{job="1"}[100s:1s] @ 100 offset 20s)
  {job="1"} 288

eval instant at 25s sum_over_time(metric{job="1"}[100:1] offset 20 @ 100)
  {job="1"} 288

eval instant at 100s sum_over_time(sum_over_time(metric{job="1"}[100s] @ 100)[100s:25s] @ 50)
  {job="1"} 220

eval instant at 0s sum_over_time(sum_over_time(sum_over_time(metric{job="1"}[100s] @ 100)[100s:25s] @ 50)[3s:1s] @ 3000)
  {job="1"} 660

eval instant at 0s sum_over_time(sum_over_time(sum_over_time(metric{job="1"}[10s])[100s:25s] @ 50)[3s:1s] @ 200)
  {job="1"} 21

eval instant at 0s sum_over_time(sum_over_time(sum_over_time(metric{job="1"}[10s])[100s:25s] @ 200)[3s:1s] @ 50)
  {job="1"} 192

eval instant at 0s sum_over_time(sum_over_time(sum_over_time(metric{job="1"}[20s])[20s:10s] offset 10s)[100s:25s] @ 1000)
  {job="1"} 1504

eval instant at 10s minute(metric @ 1500)
  {job="1"} 2
  {job="2"} 5

eval instant at 10m timestamp(metric{job="1"} @ 10)
  {job="1"} 10

eval instant at 10m timestamp(timestamp(metric{job="1"} @ 10))
  {job="1"} 600

eval instant at 0s sum_over_time(minute(metric @ 1500)[100s:10s])
  {job="1"} 20
  {job="2"} 50

eval instant at 0s sum_over_time(minute()[50m:1m] @ 6000)
  {} 1315

eval instant at 0s sum_over_time(minute()[50m:1m] @ 6000 offset 5m)
  {} 1365

eval instant at 0s sum_over_time(vector(time())[100s:1s] @ 3000)
  {} 295050

eval instant at 0s sum_over_time(vector(time())[100s:1s] @ 3000 offset 600s)
  {} 235050

eval instant at 0s sum_over_time(timestamp(metric{job="1"} @ 10)[100s:10s] @ 3000)
  {job="1"} 100

eval instant at 0s sum_over_time(timestamp(timestamp(metric{job="1"} @ 999))[10s:1s] @ 10)
  {job="1"} 55

eval range from 0 to 30s step 10s metric{job="1"} @ 100
  metric{job="1"} 10 10 10 10

eval range from 10s to 30s step 10s metric{job="1"} @ start()
  metric{job="1"} 1 1 1

eval range from 10s to 30s step 10s metric{job="1"} @ end()
  metric{job="1"} 3 3 3

eval range from 0 to 20s step 10s timestamp(metric{job="1"} @ 15)
  {job="1"} 10 10 10

clear

load 10s
  up 1 2 3

eval instant at 1111111s quantile_over_time(scalar(up) + 1, {__name__="up"}[1h:1m] @ 1111111)

eval instant at 1111111s predict_linear({__name__="up"}[1h:1m] @ 1111111, 0.1)

eval instant at 1111111s deriv({__name__="up"}[1h:1m] @ 1111111)

eval instant at 1111111s changes({__name__="up"}[1h:1m] @ 1111111)

eval instant at 1111111s last_over_time({__name__="up"}[1h:1m] @ 1111111)

eval instant at 1111111s stddev_over_time({__name__="up"}[1h:1m] @ 1111111)
`);
});
