#!/usr/bin/env bash
# npm audit for production dependencies, failing on high or critical advisories.
# Some registry mirrors do not serve npm's advisory endpoint (they answer 405); that is
# reported loudly as "not checked" rather than passed off as a clean audit.
set -uo pipefail
out=$(npm audit --omit=dev --audit-level=high --loglevel=warn 2>&1)
code=$?
echo "$out" | tail -20
if [ $code -ne 0 ] && echo "$out" | grep -q "audit endpoint returned an error"; then
  echo "audit: NOT CHECKED — this registry does not serve the npm advisory endpoint."
  exit 0
fi
exit $code
