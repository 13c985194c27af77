#!/usr/bin/env bash
# Compares `fleetscope gpus` with nvidia-smi on a computer WITH an NVIDIA GPU: both read at the same
# moment, printed side by side per GPU (matched by UUID) with the differences. Builds nothing and is not
# part of ctest; run it by hand after a build:
#
#   tests/gpu/check-nvml.sh [path/to/fleetscope]      (default: build/dev/app/fleetscope, else fleetscope on PATH)
#
# nvidia-smi's [N/A] and [Not Supported] count as missing, as Fleetscope's empty CSV cells do; missing on
# one side only is a difference. Utilisation, power and SM clock move between two reads, so they get a
# tolerance; memory, temperature and identity must agree. Exit 0 when all agree, 1 on a difference,
# 2 when a tool fails.
set -u -o pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
fleetscope=${1:-}
if [[ -z $fleetscope ]]; then
    if [[ -x $here/build/dev/app/fleetscope ]]; then fleetscope=$here/build/dev/app/fleetscope; else fleetscope=fleetscope; fi
fi
command -v nvidia-smi >/dev/null || { echo "check-nvml: nvidia-smi not found" >&2; exit 2; }
command -v python3 >/dev/null || { echo "check-nvml: python3 is needed to compare the two" >&2; exit 2; }
command -v "$fleetscope" >/dev/null || { echo "check-nvml: $fleetscope not found (build it, or pass its path)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Both started together so they sample the same moment (each takes a few ms once NVML is up).
"$fleetscope" gpus --format csv >"$work/fleetscope.csv" 2>"$work/fleetscope.err" &
fs_pid=$!
nvidia-smi --query-gpu=index,uuid,utilization.gpu,memory.used,memory.free,power.draw,temperature.gpu,clocks.sm \
    --format=csv,noheader,nounits >"$work/smi.csv" 2>"$work/smi.err" &
smi_pid=$!
wait "$fs_pid"; fs_rc=$?
wait "$smi_pid"; smi_rc=$?
if (( fs_rc != 0 )); then echo "check-nvml: fleetscope gpus failed ($fs_rc): $(cat "$work/fleetscope.err")" >&2; exit 2; fi
if (( smi_rc != 0 )); then echo "check-nvml: nvidia-smi failed ($smi_rc): $(cat "$work/smi.err")" >&2; exit 2; fi

echo "driver: $(nvidia-smi --query-gpu=driver_version --format=csv,noheader | head -1)"
python3 - "$work/fleetscope.csv" "$work/smi.csv" <<'PY'
import csv, sys

MISSING = {"", "[N/A]", "[Not Supported]", "N/A", "Not Supported"}

def number(text):
    text = (text or "").strip()
    if text in MISSING:
        return None
    try:
        return float(text)
    except ValueError:
        return None

# (label, fleetscope column, nvidia-smi column, tolerance: absolute, relative)
FIELDS = [
    ("index", "gpu", "index", 0, 0),
    ("util %", "gpu_util_percent", "utilization.gpu", 5, 0),
    ("mem used MiB", "memory_used_mib", "memory.used", 1, 0),
    ("mem free MiB", "memory_free_mib", "memory.free", 1, 0),
    ("power W", "power_w", "power.draw", 5, 0.05),
    ("temp C", "temperature_c", "temperature.gpu", 1, 0),
    ("SM clock MHz", "sm_clock_mhz", "clocks.sm", 15, 0.05),
]
SMI_COLUMNS = ["index", "uuid", "utilization.gpu", "memory.used", "memory.free", "power.draw", "temperature.gpu", "clocks.sm"]

with open(sys.argv[1], newline="") as f:
    ours = {row["uuid"]: row for row in csv.DictReader(f)}
with open(sys.argv[2], newline="") as f:
    theirs = {}
    for cells in csv.reader(f, skipinitialspace=True):
        if cells:
            row = dict(zip(SMI_COLUMNS, (c.strip() for c in cells)))
            theirs[row["uuid"]] = row

differences = 0
def order(uuid):
    index = ours[uuid].get("gpu") if uuid in ours else theirs[uuid].get("index")
    return number(index) or 0

for uuid in sorted(set(ours) | set(theirs), key=order):
    a, b = ours.get(uuid), theirs.get(uuid)
    print(f"\n{uuid}  {a['model'] if a else ''}")
    if a is None or b is None:
        print(f"  only in {'nvidia-smi' if a is None else 'fleetscope'}")
        differences += 1
        continue
    print(f"  {'field':<14}{'fleetscope':>14}{'nvidia-smi':>14}{'difference':>14}")
    for label, ours_key, smi_key, absolute, relative in FIELDS:
        x, y = number(a.get(ours_key)), number(b.get(smi_key))
        show = lambda v: "missing" if v is None else f"{v:g}"
        if x is None and y is None:
            verdict, delta = "", ""
        elif x is None or y is None:
            verdict, delta = "  <- missing on one side", ""
        else:
            delta = f"{x - y:+g}"
            allowed = max(absolute, relative * abs(y))
            verdict = "" if abs(x - y) <= allowed else f"  <- beyond ±{allowed:g}"
        differences += bool(verdict)
        print(f"  {label:<14}{show(x):>14}{show(y):>14}{delta:>14}{verdict}")
    extra = {k: a[k] for k in ("energy_j", "xid_errors") if a.get(k)}
    if extra:
        print("  fleetscope only: " + ", ".join(f"{k}={v}" for k, v in extra.items()))

print(f"\n{'all fields agree' if not differences else f'{differences} difference(s)'}")
sys.exit(1 if differences else 0)
PY
