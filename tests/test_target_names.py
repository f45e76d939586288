"""A target's name follows the device file: a preset named for its RAM and given another size is
reported with the size the budget was computed from, in every language."""

from __future__ import annotations

import pytest

from feasibility.catalog import load_catalog
from feasibility.schema import Spec
from feasibility.targets import resolve


def _name(target: dict[str, object]) -> str:
    spec = Spec.model_validate({"targets": [target], "service": {}})
    return resolve(spec, load_catalog(), "test")[0][0].device.name


@pytest.mark.parametrize(
    ("target", "name"),
    [
        ({"preset": "macbook-air-m2", "ram_gb": 16}, "MacBook Air (M2, 2022) 16GB"),
        ({"preset": "macbook-air-m2"}, "MacBook Air (M2, 2022) 8GB"),
        ({"preset": "macbook-air-m2", "ram_gb": 8}, "MacBook Air (M2, 2022) 8GB"),
        ({"preset": "macbook-air-m2", "ram_gb": 16, "name": "Dev laptops"}, "Dev laptops"),
        ({"preset": "iphone-16", "ram_gb": 12}, "iPhone 16 (12GB)"),
        (
            {"preset": "galaxy-s24", "variant": "exynos-2400", "ram_gb": 12},
            "Galaxy S24 with Exynos 2400 (12GB)",
        ),
    ],
)
def test_ram_override_renames_the_preset(target: dict[str, object], name: str) -> None:
    assert _name(target) == name
