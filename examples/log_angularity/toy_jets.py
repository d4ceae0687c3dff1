#!/usr/bin/python3
"""Toy quark and gluon jets from independent soft-collinear emissions.

Each jet starts as one parton (a quark or a gluon) that radiates gluons with the soft-collinear density

    dN = (2 alpha_s C / pi) (dz / z) (dtheta / theta),   z_min < z < z_max,  theta_min < theta < R,

with C = C_F = 4/3 for a quark and C = C_A = 3 for a gluon, so gluon jets radiate 9/4 times as often.
The number of emissions is Poisson with mean  (2 alpha_s C / pi) log(z_max / z_min) log(R / theta_min);
each emission has log(z) and log(theta) uniform in their ranges and an azimuth phi uniform in [0, 2 pi).

Energy bookkeeping (so that the energy fractions of a jet sum to 1): the emissions are taken in order of
decreasing angle (angular ordering) and emission i carries the fraction z_i of the energy the leading
parton still has, so it ends with z_i * prod_{j<i}(1 - z_j); the leading parton keeps the rest.

Geometry: the leading parton sits at the origin of the (rapidity, azimuth) plane and emission i at
theta_i (cos phi_i, sin phi_i). The jet axis is the energy-weighted centroid of all particles, so the
leading parton ends a small distance from the axis (its recoil). r_i is each particle's distance to
this axis. The leading parton is usually close to the axis, but a hard wide-angle emission (z up to
z_max = 1/2) can pull the axis well away from it; it always stays within R, since the axis is at most
sum_{i>0} z_i theta_i < R from it. Emissions that fall outside r < R of the axis are dropped and the
energy fractions of the others are rescaled to sum to 1 (a crude stand-in for jet clustering; about 3 %
of the jets lose a particle this way).

Limits of the toy (it only has to make the quark/gluon difference of the soft-collinear limit):
fixed coupling (no running alpha_s), independent emissions (no secondary splittings, no g -> q qbar,
no colour coherence beyond the angular ordering of the energy sharing), no recoil of the emitter's
direction (only the axis moves), no hadronisation, no underlying event or pile-up, no detector.
Energy fractions z are "energy" and "pT" fractions at once; angles are small-angle distances.

Everything is deterministic from a numpy Generator (numpy.random.default_rng(seed)).

Command line: prints multiplicity and shape statistics of a sample,
    /usr/bin/python3 examples/log_angularity/toy_jets.py [--n 10000] [--seed 1]
"""

import argparse
import math

import numpy as np

C_F = 4.0 / 3.0
C_A = 3.0

DEFAULTS = dict(alpha_s=0.2, R=0.4, z_min=1e-3, z_max=0.5, theta_min=1e-3)


def mean_emissions(colour_factor, alpha_s=0.2, R=0.4, z_min=1e-3, z_max=0.5, theta_min=1e-3):
    """Mean number of emissions: (2 alpha_s C / pi) log(z_max/z_min) log(R/theta_min)."""
    return 2.0 * alpha_s * colour_factor / math.pi * math.log(z_max / z_min) * math.log(R / theta_min)


def generate_jet(rng, colour_factor, alpha_s=0.2, R=0.4, z_min=1e-3, z_max=0.5, theta_min=1e-3):
    """One jet: returns (z, r) numpy float64 arrays; index 0 is the leading parton; sum(z) == 1."""
    lam = mean_emissions(colour_factor, alpha_s, R, z_min, z_max, theta_min)
    n = rng.poisson(lam)
    log_z = rng.uniform(math.log(z_min), math.log(z_max), size=n)
    log_t = rng.uniform(math.log(theta_min), math.log(R), size=n)
    phi = rng.uniform(0.0, 2.0 * math.pi, size=n)
    order = np.argsort(-log_t, kind="stable")  # widest first
    frac = np.exp(log_z[order])
    theta = np.exp(log_t[order])
    phi = phi[order]
    remaining = np.concatenate(([1.0], np.cumprod(1.0 - frac)))
    z = np.empty(n + 1)
    z[1:] = frac * remaining[:-1]
    z[0] = remaining[-1]
    pos = np.zeros((n + 1, 2))
    pos[1:, 0] = theta * np.cos(phi)
    pos[1:, 1] = theta * np.sin(phi)
    axis = z @ pos / z.sum()
    r = np.hypot(pos[:, 0] - axis[0], pos[:, 1] - axis[1])
    keep = r < R
    keep[0] = True  # always true already: |axis| <= sum_{i>0} z_i theta_i < R
    z = z[keep]
    r = r[keep]
    return z / z.sum(), r


def generate_jets(n, quark, rng, **params):
    """n jets of one flavour (quark=True: C_F, else C_A); returns a list of (z, r) pairs."""
    c = C_F if quark else C_A
    p = dict(DEFAULTS)
    p.update(params)
    return [generate_jet(rng, c, **p) for _ in range(n)]


def make_sample(n_quark, n_gluon, seed, **params):
    """A shuffled, labelled sample: (jets, labels) with label 1 = quark, 0 = gluon.

    Quarks are generated first, then gluons, from one Generator seeded with `seed`; then the order is
    shuffled with the same Generator.
    """
    rng = np.random.default_rng(seed)
    jets = generate_jets(n_quark, True, rng, **params) + generate_jets(n_gluon, False, rng, **params)
    labels = np.concatenate([np.ones(n_quark, dtype=np.int64), np.zeros(n_gluon, dtype=np.int64)])
    perm = rng.permutation(len(jets))
    return [jets[i] for i in perm], labels[perm]


def pad(jets, width=None):
    """Pad a list of (z, r) jets to arrays of shape (n_jets, width); padding has z = 0, r = 0."""
    width = width or max(len(z) for z, _ in jets)
    Z = np.zeros((len(jets), width))
    Rr = np.zeros((len(jets), width))
    for i, (z, r) in enumerate(jets):
        Z[i, :len(z)] = z
        Rr[i, :len(r)] = r
    return Z, Rr


def _main():
    ap = argparse.ArgumentParser(description="Statistics of toy quark and gluon jets.")
    ap.add_argument("--n", type=int, default=10000, help="jets per flavour")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    jets, labels = make_sample(a.n, a.n, a.seed)
    for name, lab, c in (("quark", 1, C_F), ("gluon", 0, C_A)):
        sel = [j for j, l in zip(jets, labels) if l == lab]
        mult = np.array([len(z) for z, _ in sel])
        lead = np.array([z[0] for z, _ in sel])
        girth = np.array([float(z @ r) for z, r in sel])
        print(f"{name}: mean emissions {mean_emissions(c, **DEFAULTS):.2f}, particles/jet {mult.mean():.2f} "
              f"(max {mult.max()}), leading z {lead.mean():.3f}, girth sum z r {girth.mean():.4f}")


if __name__ == "__main__":
    _main()
