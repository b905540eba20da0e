#!/usr/bin/env bash
# The benchmarks, one command: JMH (W1, W2, W3 x DSL, idiomatic DJL, hand-tuned DJL, plain-Java reference),
# PyTorch eager when `import torch` works, the 5,000-epoch memory check and the start-up probe; then
# benchmarks/RESULTS.md is written from their outputs. Not part of the tests. About 10 minutes on 2 cores.
#
#   benchmarks/run.sh                 # everything, JMH with its annotated iterations
#   JMH_ARGS="-wi 1 -i 2" benchmarks/run.sh   # quicker, wider errors
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/benchmarks
mkdir -p "$out"

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="target/classes:target/test-classes:$(cat "$out/classpath.txt")"
java_opts=(-Dai.djl.offline=true -Djava.awt.headless=true)

echo "== JMH: TrainingBenchmark"
# shellcheck disable=SC2086
java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main TrainingBenchmark -rf json -rff "$out/jmh.json" ${JMH_ARGS:-}

python=""
for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c "import torch" 2>/dev/null; then
        python="$candidate"
        break
    fi
done
rm -f "$out/pytorch.json"
if [ -n "$python" ]; then
    echo "== PyTorch eager ($python)"
    "$python" benchmarks/pytorch_eager.py "$out/pytorch.json"
else
    echo "== PyTorch eager: skipped, no python3 with torch here (Debian: apt install python3-torch)"
fi

echo "== Memory: W1, 5,000 epochs, fixed heap"
java "${java_opts[@]}" -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$cp" io.github.kerasdjl.benchmarks.MemoryCheck \
    "$out/memory.json" 5000 | cut -c1-300

echo "== Start-up: JVM start to the main job's first prediction (3 fresh JVMs)"
for i in 1 2 3; do
    java "${java_opts[@]}" -cp "$cp" io.github.kerasdjl.benchmarks.StartupProbe "$out/startup-$i.json"
done

python3 benchmarks/report.py "$out" benchmarks/RESULTS.md
echo "== wrote benchmarks/RESULTS.md"
