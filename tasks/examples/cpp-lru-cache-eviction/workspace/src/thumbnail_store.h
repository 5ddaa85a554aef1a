// Rendered thumbnails, cached so repeated views of an image do not render it again.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "lru_cache.h"

class ThumbnailStore {
 public:
  /// `render` turns an image id into thumbnail bytes; it is slow, so results are cached.
  ThumbnailStore(std::size_t capacity, std::function<std::string(const std::string&)> render);

  /// The thumbnail of `image_id`, rendered only when it is not cached.
  std::string thumbnail(const std::string& image_id);

  /// Renders `image_id` again (its source changed) and caches the new thumbnail.
  void refresh(const std::string& image_id);

  std::size_t renders() const { return renders_; }
  std::size_t cached() const { return cache_.size(); }

 private:
  std::string render(const std::string& image_id);

  LruCache<std::string, std::string> cache_;
  std::function<std::string(const std::string&)> render_;
  std::size_t renders_ = 0;
};
