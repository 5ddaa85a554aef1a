#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "check.h"
#include "lru_cache.h"
#include "thumbnail_store.h"

static void stores_and_reads_values() {
  LruCache<std::string, int> cache(2);
  cache.put("a", 1);
  cache.put("b", 2);
  CHECK(cache.size() == 2);
  CHECK(cache.get("a") == 1);
  CHECK(cache.get("b") == 2);
  CHECK(!cache.get("c").has_value());
}

static void evicts_least_recently_inserted_when_untouched() {
  LruCache<std::string, int> cache(2);
  cache.put("a", 1);
  cache.put("b", 2);
  cache.put("c", 3);
  CHECK(cache.size() == 2);
  CHECK(!cache.contains("a"));
  CHECK(cache.contains("b"));
  CHECK(cache.contains("c"));
}

static void get_makes_a_key_most_recent() {
  LruCache<std::string, int> cache(2);
  cache.put("a", 1);
  cache.put("b", 2);
  CHECK(cache.get("a") == 1);
  cache.put("c", 3);
  CHECK(cache.contains("a"));
  CHECK(!cache.contains("b"));
  CHECK(cache.contains("c"));
}

static void put_of_existing_key_updates_and_refreshes() {
  LruCache<std::string, int> cache(2);
  cache.put("a", 1);
  cache.put("b", 2);
  cache.put("a", 10);
  CHECK(cache.size() == 2);
  CHECK(cache.contains("b"));
  cache.put("c", 3);
  CHECK(cache.size() == 2);
  CHECK(cache.get("a") == 10);
  CHECK(!cache.contains("b"));
}

static void repeated_puts_do_not_grow_or_evict() {
  LruCache<int, int> cache(3);
  cache.put(1, 1);
  cache.put(2, 2);
  for (int i = 0; i < 10; ++i) cache.put(1, i);
  CHECK(cache.size() == 2);
  CHECK(cache.contains(2));
  CHECK(cache.get(1) == 9);
}

static void peek_does_not_change_recency() {
  LruCache<std::string, int> cache(2);
  cache.put("a", 1);
  cache.put("b", 2);
  const int* a = cache.peek("a");
  CHECK(a != nullptr && *a == 1);
  CHECK(cache.peek("zzz") == nullptr);
  cache.put("c", 3);
  CHECK(!cache.contains("a"));
}

static void erase_frees_a_slot() {
  LruCache<int, int> cache(2);
  cache.put(1, 1);
  cache.put(2, 2);
  CHECK(cache.erase(1));
  CHECK(!cache.erase(1));
  cache.put(3, 3);
  CHECK(cache.size() == 2);
  CHECK(cache.contains(2) && cache.contains(3));
}

static void capacity_one() {
  LruCache<int, int> cache(1);
  cache.put(1, 1);
  cache.put(1, 2);
  CHECK(cache.size() == 1);
  CHECK(cache.get(1) == 2);
  cache.put(2, 3);
  CHECK(cache.size() == 1);
  CHECK(!cache.contains(1));
  CHECK(cache.get(2) == 3);
}

static void rejects_zero_capacity() {
  CHECK_THROWS((LruCache<int, int>(0)), std::invalid_argument);
}

// A deliberately simple model: a vector ordered most recent first.
static void matches_a_reference_model_on_random_operations() {
  const std::size_t capacity = 5;
  LruCache<int, int> cache(capacity);
  std::vector<std::pair<int, int>> model;
  std::uint32_t seed = 12345;
  auto next = [&seed] { seed = seed * 1664525u + 1013904223u; return seed >> 8; };
  int mismatches = 0;
  for (int step = 0; step < 5000; ++step) {
    const int key = static_cast<int>(next() % 9);
    auto found = std::find_if(model.begin(), model.end(),
                              [key](const auto& e) { return e.first == key; });
    switch (next() % 4) {
      case 0: case 1: {  // put
        const int value = static_cast<int>(next() % 1000);
        if (found != model.end()) model.erase(found);
        else if (model.size() == capacity) model.pop_back();
        model.insert(model.begin(), {key, value});
        cache.put(key, value);
        break;
      }
      case 2: {  // get
        std::optional<int> got = cache.get(key);
        if (found == model.end()) {
          if (got) ++mismatches;
        } else {
          const auto entry = *found;
          if (!got || *got != entry.second) ++mismatches;
          model.erase(found);
          model.insert(model.begin(), entry);
        }
        break;
      }
      default: {  // peek
        const int* got = cache.peek(key);
        if ((got == nullptr) != (found == model.end())) ++mismatches;
        else if (got && *got != found->second) ++mismatches;
      }
    }
    if (cache.size() != model.size()) ++mismatches;
  }
  for (const auto& [key, value] : model) {
    const int* got = cache.peek(key);
    if (!got || *got != value) ++mismatches;
  }
  CHECK(mismatches == 0);
}

static void store_keeps_recently_viewed_thumbnails() {
  ThumbnailStore store(2, [](const std::string& id) { return "thumb:" + id; });
  for (const char* id : {"A", "B", "A", "C", "A"}) CHECK(store.thumbnail(id) == "thumb:" + std::string(id));
  CHECK(store.renders() == 3);
  CHECK(store.cached() == 2);
  store.thumbnail("B");
  CHECK(store.renders() == 4);
}

static void store_refresh_keeps_one_entry_per_image() {
  int version = 0;
  ThumbnailStore store(2, [&version](const std::string& id) {
    return id + "@" + std::to_string(version);
  });
  CHECK(store.thumbnail("A") == "A@0");
  CHECK(store.thumbnail("B") == "B@0");
  version = 1;
  store.refresh("A");
  CHECK(store.cached() == 2);
  CHECK(store.thumbnail("A") == "A@1");
  CHECK(store.thumbnail("B") == "B@0");
  CHECK(store.renders() == 3);
}

int main() {
  stores_and_reads_values();
  evicts_least_recently_inserted_when_untouched();
  get_makes_a_key_most_recent();
  put_of_existing_key_updates_and_refreshes();
  repeated_puts_do_not_grow_or_evict();
  peek_does_not_change_recency();
  erase_frees_a_slot();
  capacity_one();
  rejects_zero_capacity();
  matches_a_reference_model_on_random_operations();
  store_keeps_recently_viewed_thumbnails();
  store_refresh_keeps_one_entry_per_image();
  return check_verdict();
}
