#!/usr/bin/env python3
"""PyTorch eager baselines for W1, W2 and W3 (see Workload.java), written the way PyTorch's tutorials write a
training loop: nn.Sequential, a loss module, torch.optim.SGD, zero_grad/backward/step, loss.item() per step.
One measurement is one epoch, as in the JMH benchmark. Writes JSON to the path given as the first argument.

Run by benchmarks/run.sh when `import torch` works (Debian: apt install python3-torch); skipped otherwise.
"""
import json
import statistics
import sys
import time

import torch
from torch import nn

torch.manual_seed(1)
torch.set_num_threads(2)  # as DJL's PyTorch engine on this 2-core machine

WORKLOADS = {
    # name: (widths, hidden, output, loss, lr, batch, samples, shuffle)
    "W1": ([2, 8, 8, 8, 1], "relu", "sigmoid", "mse", 0.05, 10, 400, True),
    "W2": ([784, 512, 512, 10], "relu", "softmax", "cce", 0.01, 256, 1024, True),
    "W3": ([1, 2, 1], "sigmoid", "sigmoid", "mse", 0.03, 1, 100, False),
}


def build(widths, hidden, output):
    layers = []
    for i in range(1, len(widths)):
        layers.append(nn.Linear(widths[i - 1], widths[i]))
        last = i == len(widths) - 1
        act = output if last else hidden
        if act == "relu":
            layers.append(nn.ReLU())
        elif act == "sigmoid":
            layers.append(nn.Sigmoid())
        # softmax: CrossEntropyLoss takes the logits
    return nn.Sequential(*layers)


def run(name, warmup_s=3.0, rounds=5, round_s=2.0):
    widths, hidden, output, loss_name, lr, batch, n, shuffle = WORKLOADS[name]
    x = torch.rand(n, widths[0])
    if loss_name == "cce":
        y = torch.randint(0, widths[-1], (n,))
        loss_fn = nn.CrossEntropyLoss()
    else:
        y = (torch.rand(n, 1) > 0.5).float()
        loss_fn = nn.MSELoss()
    model = build(widths, hidden, output)
    opt = torch.optim.SGD(model.parameters(), lr=lr)

    def epoch():
        order = torch.randperm(n) if shuffle else None
        xs = x[order] if shuffle else x
        ys = y[order] if shuffle else y
        total = 0.0
        for start in range(0, n, batch):
            xb = xs[start:start + batch]
            yb = ys[start:start + batch]
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * xb.shape[0]
        return total / n

    end = time.perf_counter() + warmup_s
    while time.perf_counter() < end:
        epoch()
    scores = []
    for _ in range(rounds):
        count = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < round_s:
            epoch()
            count += 1
        scores.append(count / (time.perf_counter() - t0))
    return {"workload": name, "epochs_per_s": statistics.mean(scores),
            "stdev": statistics.stdev(scores) if len(scores) > 1 else 0.0, "rounds": rounds,
            "torch": torch.__version__, "threads": torch.get_num_threads()}


if __name__ == "__main__":
    results = [run(name) for name in WORKLOADS]
    with open(sys.argv[1], "w") as f:
        json.dump(results, f, indent=1)
    for r in results:
        print("pytorch eager %s: %.2f epochs/s (stdev %.2f)" % (r["workload"], r["epochs_per_s"], r["stdev"]))
