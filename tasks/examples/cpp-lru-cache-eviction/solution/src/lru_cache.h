// A bounded key-value cache that evicts the least recently used entry when it is full.
#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <utility>

template <typename K, typename V>
class LruCache {
 public:
  /// Throws std::invalid_argument when capacity is 0.
  explicit LruCache(std::size_t capacity) : capacity_(capacity) {
    if (capacity == 0) throw std::invalid_argument("LruCache capacity must be at least 1");
  }

  /// The value of `key`, which becomes the most recently used; nullopt when absent.
  std::optional<V> get(const K& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    touch(it->second);
    return it->second->second;
  }

  /// The value of `key` without changing its recency; nullptr when absent.
  const V* peek(const K& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &it->second->second;
  }

  /// Stores `value` under `key`, which becomes the most recently used. Inserting a new key into
  /// a full cache first evicts the least recently used entry.
  void put(const K& key, V value) {
    auto it = index_.find(key);
    if (it != index_.end()) {
      it->second->second = std::move(value);
      touch(it->second);
      return;
    }
    if (items_.size() == capacity_) {
      index_.erase(items_.back().first);
      items_.pop_back();
    }
    items_.emplace_front(key, std::move(value));
    index_[key] = items_.begin();
  }

  /// Removes `key`; returns whether it was present.
  bool erase(const K& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return false;
    items_.erase(it->second);
    index_.erase(it);
    return true;
  }

  bool contains(const K& key) const { return index_.count(key) != 0; }
  std::size_t size() const { return items_.size(); }
  std::size_t capacity() const { return capacity_; }

 private:
  using Entry = std::pair<K, V>;

  /// Moves an entry to the front; splicing keeps every iterator in the index valid.
  void touch(typename std::list<Entry>::iterator entry) {
    items_.splice(items_.begin(), items_, entry);
  }

  std::size_t capacity_;
  std::list<Entry> items_;  // most recently used first
  std::unordered_map<K, typename std::list<Entry>::iterator> index_;
};
