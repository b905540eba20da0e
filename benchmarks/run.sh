#!/usr/bin/env bash
# The benchmarks, one command: JMH (W1, W2, W3 x DSL, the DSL with every step on the engine, idiomatic DJL,
# hand-tuned DJL, plain-Java reference; W4, the digits convnet, x DSL, idiomatic DJL), real Keras 3 `fit` (JAX
# backend) on W1-W4 when python3 can make the venv, the paired rounds (W1-W4: the DSL, raw DJL and Keras taking
# turns in short slices, round after round, for the target ratios; about 2.5 minutes), PyTorch eager when
# `import torch` works, which step the DSL takes on each workload, the memory check of W1 (20,000 epochs as the DSL
# trains it, 5,000 with every step on the engine), peak resident memory of W2 and W4, the start-up probe and the
# scaling sweep (a Dense stack 16-w-w-1 over widths 8-1,024 x batch sizes 1-1,024: the DSL, its engine step, raw
# DJL idiomatic and hand-tuned in one JVM, about 5.5 minutes; Keras 3 fit, about 1.5 minutes; the figures
# benchmarks/scaling.png and scaling-width.png); then
# benchmarks/RESULTS.md is written from their outputs. Not part of the tests. About 16 minutes on 2 cores (9 without
# the sweep), a few more the first time, when the Keras venv is made. Run it on a quiet machine.
# Threads: THREADS (2) for libtorch in the JMH forks (ai.djl.pytorch.num_threads), for Keras/XLA (OMP_NUM_THREADS,
# XLA_FLAGS intra_op_parallelism_threads, taskset to THREADS cores when the machine has more) and PyTorch eager.
# The Keras venv is target/keras-venv (made once from pip's configured local index, then reused; KERAS_PYTHON
# names another python with keras and jax).
#
#   benchmarks/run.sh                 # everything, JMH with its annotated iterations
#   JMH_ARGS="-wi 1 -i 2" benchmarks/run.sh   # quicker, wider errors
#   SWEEP=0 benchmarks/run.sh         # without the scaling sweep (its section is left out of RESULTS.md)
#   SWEEP_WIDTHS=8,128 SWEEP_BATCHES=1,64 benchmarks/run.sh   # a smaller sweep grid (both the JVM's and Keras')
#   SWEEP_ROUND_S=0.5 benchmarks/run.sh   # shorter timed rounds in the sweep (default 0.7 s; warm-up SWEEP_WARMUP_S 0.3)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/benchmarks
mkdir -p "$out"

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="target/classes:target/test-classes:$(cat "$out/classpath.txt")"
java_opts=(-Dai.djl.offline=true -Djava.awt.headless=true)
threads=${THREADS:-2}

echo "== JMH: TrainingBenchmark (W1-W3), ConvnetBenchmark (W4); libtorch with $threads threads"
# shellcheck disable=SC2086
java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main TrainingBenchmark ConvnetBenchmark \
    -jvmArgsAppend "-Dai.djl.pytorch.num_threads=$threads" -rf json -rff "$out/jmh.json" ${JMH_ARGS:-}

echo "== Keras 3 fit (JAX backend)"
rm -f "$out/keras.json"
keras_python="${KERAS_PYTHON:-}"
venv=target/keras-venv
if [ -z "$keras_python" ] && [ -x "$venv/bin/python" ] && KERAS_BACKEND=jax "$venv/bin/python" -c "import keras, jax" 2>/dev/null; then
    keras_python="$venv/bin/python"
fi
if [ -z "$keras_python" ] && command -v python3 >/dev/null; then
    echo "   making $venv (pip, from its configured local index)"
    index="$(pip config get global.extra-index-url 2>/dev/null | cut -d' ' -f1 || true)"
    if python3 -m venv "$venv" && "$venv/bin/pip" install -q ${index:+--index-url "$index"} keras jax jaxlib \
            >"$out/keras-venv.log" 2>&1 && KERAS_BACKEND=jax "$venv/bin/python" -c "import keras, jax" 2>/dev/null; then
        keras_python="$venv/bin/python"
    else
        echo "   could not make the Keras venv (see $out/keras-venv.log)"
    fi
fi
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt "$threads" ]; then
    pin=(taskset -c "0-$((threads - 1))")
fi
if [ -n "$keras_python" ]; then
    java "${java_opts[@]}" -cp "$cp" io.github.kerasdjl.benchmarks.ExportData "$out/data"
    KERAS_BACKEND=jax OMP_NUM_THREADS=$threads \
        XLA_FLAGS="--xla_cpu_multi_thread_eigen=true intra_op_parallelism_threads=$threads" \
        "${pin[@]}" "$keras_python" benchmarks/keras_fit.py "$out/data" "$out/keras.json" 2>&1 | grep -v "Warning" || true
else
    echo "   skipped: no python3 here to make a Keras venv (the rows 'Keras 3' are left out of RESULTS.md)"
fi

echo "== Paired rounds: W1-W4, the DSL, raw DJL${keras_python:+ and Keras 3 fit} taking turns"
serve=()
if [ -n "$keras_python" ]; then
    # The Keras process of the paired rounds, with the threads of the Keras rows above.
    {
        echo '#!/bin/sh'
        echo "export KERAS_BACKEND=jax OMP_NUM_THREADS=$threads"
        echo "export XLA_FLAGS='--xla_cpu_multi_thread_eigen=true intra_op_parallelism_threads=$threads'"
        echo "exec ${pin[*]} '$keras_python' benchmarks/keras_fit.py --serve '$out/data'"
    } >"$out/keras-serve.sh"
    chmod +x "$out/keras-serve.sh"
    serve=("$out/keras-serve.sh")
fi
rm -f "$out/paired.json"
java "${java_opts[@]}" "-Dai.djl.pytorch.num_threads=$threads" -cp "$cp" io.github.kerasdjl.benchmarks.PairedRounds \
    "$out/paired.json" "${serve[@]}" 2>&1 | grep -v "Warning" | cut -c1-200 || true

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

echo "== Memory: W1, 20,000 epochs as the DSL trains it (on the JVM), 5,000 with every step on the engine; fixed heap"
java "${java_opts[@]}" -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$cp" io.github.kerasdjl.benchmarks.MemoryCheck \
    "$out/memory.json" 20000 | cut -c1-300
java "${java_opts[@]}" -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$cp" io.github.kerasdjl.benchmarks.MemoryCheck \
    "$out/memory-engine.json" 5000 engine | cut -c1-300

echo "== Peak memory: W2 and W4 trained with the DSL, a fresh JVM each"
rm -f "$out"/peak-W*.json
for w in W2 W4; do
    java "${java_opts[@]}" "-Dai.djl.pytorch.num_threads=$threads" -Xmx2g -cp "$cp" \
        io.github.kerasdjl.benchmarks.PeakMemory "$w" "$out/peak-$w.json"
done

echo "== Which step the DSL takes on W1-W4"
java "${java_opts[@]}" -cp "$cp" io.github.kerasdjl.benchmarks.StepKinds "$out/steps.json" | grep -v "^\[" || true

echo "== Start-up: JVM start to the main job's first prediction (3 fresh JVMs)"
for i in 1 2 3; do
    java "${java_opts[@]}" -cp "$cp" io.github.kerasdjl.benchmarks.StartupProbe "$out/startup-$i.json"
done

rm -f "$out/sweep.json" "$out/keras_sweep.json"
if [ "${SWEEP:-1}" != 0 ]; then
    echo "== Scaling sweep: Dense 16-w-w-1, widths x batch sizes, the DSL and raw DJL in one JVM"
    export SWEEP_WARMUP_S=${SWEEP_WARMUP_S:-0.3} SWEEP_ROUND_S=${SWEEP_ROUND_S:-0.7}
    java "${java_opts[@]}" "-Dai.djl.pytorch.num_threads=$threads" -Xmx2g "-Dsweep.warmup=$SWEEP_WARMUP_S" \
        "-Dsweep.round=$SWEEP_ROUND_S" -cp "$cp" io.github.kerasdjl.benchmarks.ScalingSweep "$out/sweep.json"
    if [ -n "$keras_python" ]; then
        echo "== Scaling sweep: Keras 3 fit (JAX backend)"
        KERAS_BACKEND=jax OMP_NUM_THREADS=$threads \
            XLA_FLAGS="--xla_cpu_multi_thread_eigen=true intra_op_parallelism_threads=$threads" \
            "${pin[@]}" "$keras_python" benchmarks/keras_sweep.py "$out/data" "$out/keras_sweep.json" 2>&1 \
            | grep -v "Warning" || true
    fi
    java "${java_opts[@]}" -cp "$cp" io.github.kerasdjl.benchmarks.ScalingPlot "$out" benchmarks
fi

python3 benchmarks/report.py "$out" benchmarks/RESULTS.md
echo "== wrote benchmarks/RESULTS.md"
