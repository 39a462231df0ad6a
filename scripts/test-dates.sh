#!/usr/bin/env bash
# `npm run test:dates`: the tests whose outcome hangs on the calendar, run as if "now" were each
# of the year's awkward days, so none of them passes only on the day it was written.
set -euo pipefail
cd "$(dirname "$0")/.."

# Beijing afternoon of each day, written in UTC
days=(
  "2026-12-04T07:00:00Z 星期五下午"
  "2026-02-14T07:00:00Z 春节前最后一个工作日（调休上班的星期六）"
  "2026-09-30T07:00:00Z 国庆节前一天"
  "2026-12-31T07:00:00Z 12月31日（期限落入尚未导入日历的2027年）"
  "2026-10-10T02:00:00Z 国庆后调休上班的星期六"
  "2026-09-20T15:30:00Z 调休上班的星期日，23:30"
)
files=(
  apps/worker/test/deadlines.test.ts
  apps/worker/test/webhooks.test.ts
  apps/api/test/supervision.test.ts
  apps/api/test/handoffs.test.ts
  apps/api/test/referrals.test.ts
  apps/api/test/letters.test.ts
  apps/api/test/figures.test.ts
  apps/api/test/task-rules.test.ts
  apps/api/test/work-orders.test.ts
  apps/api/test/calendar-policy.test.ts
  apps/api/test/resume-rule.test.ts
  apps/api/test/list-filters.test.ts
  packages/domain/test/calendar.test.ts
)

failed=()
for day in "${days[@]}"; do
  now="${day%% *}"
  printf '\n== TEST_NOW=%s — %s\n' "$now" "${day#* }"
  TEST_NOW="$now" TEST_BROWSER=off npx vitest run "${files[@]}" || failed+=("$now")
done
if [ "${#failed[@]}" -gt 0 ]; then
  printf '\n失败的日期 / failed on: %s\n' "${failed[*]}"
  exit 1
fi
printf '\n%d dates, %d files each: all passed\n' "${#days[@]}" "${#files[@]}"
