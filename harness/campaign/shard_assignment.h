// --shard K/N: which attempts each shard runs. The unit is a (task, contender) pair with all
// its repeats, so adaptive repeats and resume see a pair on one machine. Deterministic: the
// same units and weights give the same assignment on every machine and every re-run.
#pragma once

#include <string>
#include <vector>

namespace landed {

struct ShardUnit {
  std::string key;       // stable identity, e.g. "<task>/<contender>"
  double weight = 1;     // expected cost of its attempts still to run (1 each when unknown)
};

/// 0-based shard of each unit: heaviest first (ties by a hash of the key), each to the
/// least-loaded shard so far (ties: the lowest index) — balanced by expected cost.
std::vector<int> assign_shards(const std::vector<ShardUnit>& units, int shards);

}  // namespace landed
