#!/usr/bin/python3
"""Train a one-latent energy-flow network (EFN) on toy quark/gluon jets and export its filter Phi(r).

Model (Komiske, Metodiev, Thaler 2019; moment pooling from Gambhir, Osathapan, Thaler 2024):
  Phi : r -> one latent, nn.Sequential(Linear(1,H), Tanh, Linear(H,H), Tanh, Linear(H,1)) of r / R
  pooling:
    --pooling sum          O = sum_i z_i Phi(r_i)                          (F sees 1 number)
    --pooling moments --k K  O_a = sum_i z_i Phi(r_i)^a, a = 1..K            (F sees K numbers)
  F : small MLP on the pooled latent(s), ending in a logit (BCEWithLogitsLoss), label 1 = quark.

Data: toy_jets.py (independent soft-collinear emissions, fixed alpha_s); training and validation
jets from seed 1, test jets from seed 2 (disjoint streams). Everything is seeded; PyTorch runs on
2 threads.

Outputs (into --out-dir, default this folder):
  phi.json (sum pooling) or phi_moments_k<K>.json: Phi exported with ../export_torch.py, inputs ["r"],
      outputs ["phi"], input_normalization shift 0, scale R (the network sees r / R).
  with --write-test (sum pooling only):
  test_jets.csv       2,000 held-out test jets (1,000 quark, 1,000 gluon): columns jet,label,z,r,
                      one row per particle, label 1 = quark, 0 = gluon, z and r with 8 significant digits.
  network_scores.csv  columns jet,label,latent,score for those jets: latent = sum_i z_i Phi(r_i) and score =
                      the network's logit, both in float64 from the z and r exactly as written in the CSV.

Prints the test AUCs (network; the latent alone; jet multiplicity for reference) and a sanity check
that Phi looks log-like: the R^2 of a least-squares fit of c1 + c2 log(c3 + r) over a grid of c3, on r
in [0, R].

Usage:
    /usr/bin/python3 examples/log_angularity/train_efn.py --write-test                 # sum pooling
    /usr/bin/python3 examples/log_angularity/train_efn.py --pooling moments --k 4
"""

import argparse
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, ".."))
import toy_jets  # noqa: E402
from export_torch import export_component  # noqa: E402

R = toy_jets.DEFAULTS["R"]


def auc(scores, labels):
    """Area under the ROC curve: P(score of a random positive > score of a random negative), ties 1/2."""
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels)
    order = np.argsort(scores, kind="mergesort")
    s = scores[order]
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):  # average ranks over ties
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[order[i:j + 1]] = 0.5 * (i + j) + 1.0
        i = j + 1
    n_pos = int((labels == 1).sum())
    n_neg = len(labels) - n_pos
    return (ranks[labels == 1].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


class EFN(nn.Module):
    def __init__(self, hidden=32, f_hidden=32, pooling="sum", k=1):
        super().__init__()
        self.pooling = pooling
        self.k = k if pooling == "moments" else 1
        self.phi = nn.Sequential(
            nn.Linear(1, hidden), nn.Tanh(),
            nn.Linear(hidden, hidden), nn.Tanh(),
            nn.Linear(hidden, 1),
        )
        self.F = nn.Sequential(
            nn.Linear(self.k, f_hidden), nn.ReLU(),
            nn.Linear(f_hidden, f_hidden), nn.ReLU(),
            nn.Linear(f_hidden, 1),
        )

    def latents(self, batch):
        """batch = (z, r, seg, n_jets): flat particle arrays and each particle's jet (0..n_jets-1).
        Returns (n_jets, k): the pooled moments sum_i z_i Phi(r_i)^a, a = 1..k."""
        z, r, seg, n_jets = batch
        p = self.phi((r / R).unsqueeze(-1)).squeeze(-1)
        return torch.stack([torch.zeros(n_jets, dtype=z.dtype).index_add_(0, seg, z * p ** a)
                            for a in range(1, self.k + 1)], dim=1)

    def forward(self, batch):
        return self.F(self.latents(batch)).squeeze(-1)


class FlatJets:
    """Jets as flat particle arrays (no padding), with fast gathering of any subset of jets."""

    def __init__(self, jets, dtype=torch.float32):
        self.counts = torch.tensor([len(z) for z, _ in jets], dtype=torch.int64)
        self.starts = torch.cumsum(self.counts, 0) - self.counts
        self.z = torch.tensor(np.concatenate([z for z, _ in jets]), dtype=dtype)
        self.r = torch.tensor(np.concatenate([r for _, r in jets]), dtype=dtype)

    def __len__(self):
        return len(self.counts)

    def batch(self, idx):
        counts = self.counts[idx]
        n = len(idx)
        seg = torch.repeat_interleave(torch.arange(n), counts)
        first = torch.cumsum(counts, 0) - counts
        pidx = self.starts[idx][seg] + torch.arange(len(seg)) - first[seg]
        return self.z[pidx], self.r[pidx], seg, n


def predict(model, data, batch=4096, latents=False):
    f = model.latents if latents else model
    with torch.no_grad():
        return torch.cat([f(data.batch(torch.arange(i, min(i + batch, len(data)))))
                          for i in range(0, len(data), batch)])


def log_fit(model, n=2001):
    """Best least-squares fit of Phi(r) on a uniform r grid in [0, R] by c1 + c2 log(c3 + r), c3 on a grid."""
    r = np.linspace(0.0, R, n)
    with torch.no_grad():
        y = model.phi.double()(torch.tensor(r / R).unsqueeze(-1)).squeeze(-1).numpy()
    model.phi.float()
    sst = ((y - y.mean()) ** 2).sum()
    others = {}
    for name, f in (("a + b r", r), ("a + b sqrt(r)", np.sqrt(r))):
        A = np.stack([np.ones_like(r), f], axis=1)
        coef, *_ = np.linalg.lstsq(A, y, rcond=None)
        others[name] = 1.0 - ((A @ coef - y) ** 2).sum() / sst
    best = (-math.inf, None, None, None)
    for c3 in np.logspace(-5, 1, 601):
        A = np.stack([np.ones_like(r), np.log(c3 + r)], axis=1)
        coef, *_ = np.linalg.lstsq(A, y, rcond=None)
        r2 = 1.0 - ((A @ coef - y) ** 2).sum() / sst
        if r2 > best[0]:
            best = (r2, coef[0], coef[1], c3)
    return best, others


def fmt8(v):
    return f"{v:.8g}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pooling", choices=["sum", "moments"], default="sum")
    ap.add_argument("--k", type=int, default=4, help="moment order for --pooling moments")
    ap.add_argument("--train", type=int, default=40000, help="training jets (balanced)")
    ap.add_argument("--val", type=int, default=10000, help="validation jets (balanced)")
    ap.add_argument("--test", type=int, default=20000, help="test jets for the printed AUC (balanced)")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out-dir", default=HERE)
    ap.add_argument("--write-test", action="store_true",
                    help="also write test_jets.csv and network_scores.csv (sum pooling only)")
    a = ap.parse_args()
    if a.write_test and a.pooling != "sum":
        ap.error("--write-test is for the sum-pooling network")

    t0 = time.time()
    torch.set_num_threads(2)
    torch.manual_seed(a.seed)

    n_tv = (a.train + a.val) // 2
    jets, labels = toy_jets.make_sample(n_tv, n_tv, a.seed)
    test_jets, test_labels = toy_jets.make_sample(a.test // 2, a.test // 2, a.seed + 1)
    Y = torch.tensor(labels, dtype=torch.float32)
    train, Ytr = FlatJets(jets[:a.train]), Y[:a.train]
    val, Yva = FlatJets(jets[a.train:]), Y[a.train:]
    print(f"data: {a.train} train, {len(Yva)} validation, {a.test} test jets; "
          f"generated in {time.time() - t0:.1f} s")

    model = EFN(hidden=a.hidden, pooling=a.pooling, k=a.k)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=a.epochs)
    lossf = nn.BCEWithLogitsLoss()
    gen = torch.Generator().manual_seed(a.seed)
    best_state, best_val = None, math.inf
    for epoch in range(a.epochs):
        model.train()
        perm = torch.randperm(len(Ytr), generator=gen)
        total = 0.0
        for i in range(0, len(perm), a.batch):
            idx = perm[i:i + a.batch]
            opt.zero_grad()
            loss = lossf(model(train.batch(idx)), Ytr[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        sched.step()
        model.eval()
        val_logits = predict(model, val)
        val_loss = lossf(val_logits, Yva).item()
        if val_loss < best_val:
            best_val = val_loss
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        if epoch % 5 == 4 or epoch == a.epochs - 1:
            print(f"epoch {epoch + 1:3d}: train loss {total / len(Ytr):.4f}, val loss {val_loss:.4f}, "
                  f"val AUC {auc(val_logits.numpy(), Yva.numpy()):.4f}  ({time.time() - t0:.0f} s)")
    model.load_state_dict(best_state)
    model.eval()

    # Test AUCs in float64.
    model.double()
    test = FlatJets(test_jets, dtype=torch.float64)
    logits = predict(model, test).numpy()
    lat = predict(model, test, latents=True)[:, 0].numpy()
    mult = np.array([len(z) for z, _ in test_jets], dtype=np.float64)
    a_net = auc(logits, test_labels)
    a_lat = auc(lat, test_labels)
    print(f"test AUC ({a.test} jets, label 1 = quark): network {a_net:.4f}, "
          f"first latent alone {max(a_lat, 1 - a_lat):.4f}, "
          f"multiplicity (IRC-unsafe reference) {1 - auc(mult, test_labels):.4f}")

    (r2, c1, c2, c3), others = log_fit(model)
    print(f"Phi(r) vs c1 + c2 log(c3 + r) on r in [0, {R}]: best R^2 {r2:.6f} at "
          f"c3 = {c3:.4g} (c1 = {c1:.4g}, c2 = {c2:.4g}); for comparison R^2 of "
          + ", ".join(f"{k}: {v:.6f}" for k, v in others.items()))
    lam = np.array([float(z @ np.log(c3 + r)) for z, r in test_jets])
    a_log = auc(lam, test_labels)
    print(f"test AUC of the fitted log-angularity sum_i z_i log({c3:.4g} + r_i) alone: {max(a_log, 1 - a_log):.4f}")

    model.float()
    name = "phi.json" if a.pooling == "sum" else f"phi_moments_k{a.k}.json"
    path = os.path.join(a.out_dir, name)
    export_component(model.phi, path, ["r"], ["phi"], input_normalization={"shift": [0.0], "scale": [R]})
    print(f"wrote {path}")

    if a.write_test:
        write_test(model, a.out_dir, a.seed + 2)
    print(f"total runtime {time.time() - t0:.1f} s")


def write_test(model, out_dir, seed, n_per_flavour=1000):
    """Write test_jets.csv and network_scores.csv for 2,000 held-out jets (seed distinct from the rest)."""
    jets, labels = toy_jets.make_sample(n_per_flavour, n_per_flavour, seed)
    # Round to the digits written, so the scores below follow from the file exactly.
    jets = [(np.array([float(fmt8(v)) for v in z]), np.array([float(fmt8(v)) for v in r])) for z, r in jets]
    with open(os.path.join(out_dir, "test_jets.csv"), "w", encoding="utf-8") as f:
        f.write("jet,label,z,r\n")
        for j, ((z, r), lab) in enumerate(zip(jets, labels)):
            for zi, ri in zip(z, r):
                f.write(f"{j},{lab},{fmt8(zi)},{fmt8(ri)}\n")
    model.double()
    data = FlatJets(jets, dtype=torch.float64)
    lat = predict(model, data, latents=True)[:, 0].numpy()
    score = predict(model, data).numpy()
    model.float()
    with open(os.path.join(out_dir, "network_scores.csv"), "w", encoding="utf-8") as f:
        f.write("jet,label,latent,score\n")
        for j, (lab, l, s) in enumerate(zip(labels, lat, score)):
            f.write(f"{j},{lab},{float(l)!r},{float(s)!r}\n")
    print(f"wrote test_jets.csv and network_scores.csv ({len(jets)} jets); "
          f"network AUC on them {auc(score, labels):.4f}")


if __name__ == "__main__":
    main()
