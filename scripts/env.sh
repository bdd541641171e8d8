# Sourced by the project's scripts: provides the pinned Node.js (see .nvmrc) and Yarn.
#
# Backstage 1.55 needs Node 22 or 24; machines of this project ship Node 20, and Node 24
# crashed the backend with better-sqlite3 12. So the project installs its own Node 22 from
# the npm registry (package node-linux-<arch>, which ships the headers node-gyp needs to
# build native addons from source) into .node/, which git ignores.
set -euo pipefail

RBC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RBC_NODE_VERSION="$(tr -d ' \n' < "$RBC_ROOT/.nvmrc")"
RBC_NODE_DIR="$RBC_ROOT/.node"

rbc_install_node() {
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "unsupported CPU architecture: $(uname -m)" >&2; return 1 ;;
  esac
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is needed once to fetch Node $RBC_NODE_VERSION from the npm registry, and none is on PATH" >&2
    return 1
  fi
  echo "Installing Node $RBC_NODE_VERSION into $RBC_NODE_DIR (package node-linux-$arch)..." >&2
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$RBC_NODE_VERSION" >/dev/null)
  rm -rf "$RBC_NODE_DIR.partial"
  mkdir -p "$RBC_NODE_DIR.partial"
  tar xzf "$tmp"/node-linux-*.tgz -C "$RBC_NODE_DIR.partial" --strip-components=1
  rm -rf "$tmp" "$RBC_NODE_DIR"
  mv "$RBC_NODE_DIR.partial" "$RBC_NODE_DIR"
}

if [ "$("$RBC_NODE_DIR/bin/node" --version 2>/dev/null)" != "v$RBC_NODE_VERSION" ]; then
  rbc_install_node
fi

# Yarn is the release committed under .yarn/releases (yarnPath in .yarnrc.yml).
cat > "$RBC_NODE_DIR/bin/yarn" <<SHIM
#!/bin/sh
exec "$RBC_NODE_DIR/bin/node" "$RBC_ROOT/$(sed -n 's/^yarnPath: *//p' "$RBC_ROOT/.yarnrc.yml")" "\$@"
SHIM
chmod +x "$RBC_NODE_DIR/bin/yarn"

export PATH="$RBC_NODE_DIR/bin:$PATH"
# node-gyp builds native addons (better-sqlite3) against the headers of this Node.
export npm_config_nodedir="$RBC_NODE_DIR"
export YARN_ENABLE_TELEMETRY=0

rbc_yarn_install() {
  (cd "$RBC_ROOT" && if [ "${CI:-}" = "true" ]; then yarn install --immutable; else yarn install; fi)
}
