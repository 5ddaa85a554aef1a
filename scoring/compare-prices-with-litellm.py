#!/usr/bin/env python3
"""Lists every entry of scoring/prices.toml whose price differs from LiteLLM's price file, or
that the file does not have: the first step of refreshing the table from a newer snapshot.

  scoring/compare-prices-with-litellm.py model_prices_and_context_window.json [prices.toml]

Only first-party provider entries count (a reseller's price is not the list price). LiteLLM
stores dollars per token; the table holds dollars per million. A missing cache price is the
input price, as in the table. Entries that differ on purpose say why in prices.toml."""
import json
import sys
import tomllib
from pathlib import Path

FIRST_PARTY = ["anthropic", "openai", "gemini", "deepseek", "dashscope", "mistral", "xai",
               "moonshot", "zai"]


def litellm_entry(prices, name):
    for key in [name] + [f"{provider}/{name}" for provider in FIRST_PARTY]:
        entry = prices.get(key)
        if entry and entry.get("litellm_provider") in FIRST_PARTY:
            return key, entry
    return None, None


def per_million(entry, key):
    value = entry.get(key)
    if value is None and entry.get("tiered_pricing"):  # the first tier, as the table holds
        value = entry["tiered_pricing"][0].get(key)
    return None if value is None else round(value * 1e6, 6)


def main():
    litellm = json.loads(Path(sys.argv[1]).read_text())
    toml_path = sys.argv[2] if len(sys.argv) > 2 else Path(__file__).with_name("prices.toml")
    table = tomllib.loads(Path(toml_path).read_text())
    names = {**{model: model for model in table["models"]}, **table.get("aliases", {})}
    differences = 0
    for name, target in sorted(names.items()):
        key, entry = litellm_entry(litellm, name)
        if not entry:
            print(f"not in LiteLLM's file: {name}")
            continue
        price = table["models"][target]
        ours = {kind: price.get(kind, price["input"]) for kind in ("input", "cache_read", "cache_write")}
        ours["output"] = price["output"]
        theirs = {"input": per_million(entry, "input_cost_per_token"),
                  "output": per_million(entry, "output_cost_per_token")}
        theirs["cache_read"] = per_million(entry, "cache_read_input_token_cost") or theirs["input"]
        theirs["cache_write"] = per_million(entry, "cache_creation_input_token_cost") or theirs["input"]
        if ours != theirs:
            differences += 1
            print(f"differs: {name} (LiteLLM {key}): table {ours}, LiteLLM {theirs}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
