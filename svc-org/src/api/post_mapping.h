// Proto <-> domain for posts, and the shape checks of post requests: every
// bad field is named with its path in the request ("post.duties[2].text").
#pragma once

#include <string>
#include <vector>

#include "common/rpc/errors.h"
#include "huinong/org/v1/posts.pb.h"
#include "svc-org/src/domain/post.h"

namespace huinong::org {

std::string PostName(const std::string& id);

// `subordinates` are the ids of the posts reporting to it on the day read.
v1::Post ToProto(const Post& post, const std::vector<std::string>& subordinates);

// The fields a client may set (create, or update under a mask); `prefix` is
// "post". Line targets and the superior are read as ids; `self_id` (empty on
// create) may not be among them.
void ReadPostTerms(const v1::Post& in, const std::string& prefix, const std::string& self_id,
                   PostTerms& out, rpc::Violations& v);

// The enum checks of list filters.
bool ValidPostKind(int kind);
bool ValidPostStatus(int status);

}  // namespace huinong::org
