#include <stdexcept>
#include <string>

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

static void evicts_when_full() {
  LruCache<std::string, int> cache(2);
  cache.put("a", 1);
  cache.put("b", 2);
  cache.put("c", 3);
  CHECK(cache.size() == 2);
  CHECK(!cache.contains("a"));
  CHECK(cache.contains("c"));
}

static void rejects_zero_capacity() {
  CHECK_THROWS((LruCache<int, int>(0)), std::invalid_argument);
}

static void store_renders_once_per_image() {
  ThumbnailStore store(4, [](const std::string& id) { return "thumb:" + id; });
  CHECK(store.thumbnail("x") == "thumb:x");
  CHECK(store.thumbnail("x") == "thumb:x");
  CHECK(store.renders() == 1);
}

int main() {
  stores_and_reads_values();
  evicts_when_full();
  rejects_zero_capacity();
  store_renders_once_per_image();
  return check_verdict();
}
