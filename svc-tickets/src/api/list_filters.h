// The filters of a list request as the page token binds them: the request
// without its page size and token, serialized — so a token issued for one
// set of filters is refused with another, whatever the page size.
#pragma once

#include <string>

namespace huinong::tickets {

template <class ListRequest>
std::string ListFilters(const ListRequest& req) {
  ListRequest filters_only = req;
  filters_only.clear_page_size();
  filters_only.clear_page_token();
  return filters_only.SerializeAsString();
}

}  // namespace huinong::tickets
