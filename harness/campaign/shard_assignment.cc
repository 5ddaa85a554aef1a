#include "harness/campaign/shard_assignment.h"

#include <algorithm>
#include <numeric>

#include "harness/base/sha256.h"

namespace landed {

std::vector<int> assign_shards(const std::vector<ShardUnit>& units, int shards) {
  std::vector<int> assignment(units.size(), 0);
  if (shards <= 1) return assignment;
  std::vector<std::string> hashes;
  for (const ShardUnit& unit : units) hashes.push_back(sha256_hex(unit.key));
  std::vector<std::size_t> order(units.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (units[a].weight != units[b].weight) return units[a].weight > units[b].weight;
    return hashes[a] < hashes[b];
  });
  std::vector<double> load(static_cast<std::size_t>(shards), 0.0);
  std::vector<std::size_t> count(static_cast<std::size_t>(shards), 0);
  for (std::size_t unit : order) {
    std::size_t best = 0;
    for (std::size_t s = 1; s < load.size(); ++s)
      if (load[s] < load[best] - 1e-12 ||
          (std::abs(load[s] - load[best]) <= 1e-12 && count[s] < count[best]))
        best = s;
    load[best] += units[unit].weight;
    ++count[best];
    assignment[unit] = static_cast<int>(best);
  }
  return assignment;
}

}  // namespace landed
