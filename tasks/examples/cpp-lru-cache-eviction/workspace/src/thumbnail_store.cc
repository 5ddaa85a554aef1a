#include "thumbnail_store.h"

#include <utility>

ThumbnailStore::ThumbnailStore(std::size_t capacity,
                               std::function<std::string(const std::string&)> render)
    : cache_(capacity), render_(std::move(render)) {}

std::string ThumbnailStore::thumbnail(const std::string& image_id) {
  if (std::optional<std::string> hit = cache_.get(image_id)) return *hit;
  std::string bytes = render(image_id);
  cache_.put(image_id, bytes);
  return bytes;
}

void ThumbnailStore::refresh(const std::string& image_id) {
  cache_.put(image_id, render(image_id));
}

std::string ThumbnailStore::render(const std::string& image_id) {
  ++renders_;
  return render_(image_id);
}
