// See json_codec.h. Built on google.protobuf.Value, the JSON model protobuf
// already ships, so no JSON library is needed.
#include "svc-org/src/store/json_codec.h"

#include <initializer_list>
#include <optional>
#include <utility>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/time/civil_time.h"

namespace huinong::org::store {
namespace {

using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

Value S(const std::string& s) {
  Value v;
  v.set_string_value(s);
  return v;
}
Value N(int64_t n) {
  Value v;
  v.set_number_value(static_cast<double>(n));
  return v;
}
Value Obj(std::initializer_list<std::pair<const char*, Value>> fields) {
  Value v;
  auto* m = v.mutable_struct_value()->mutable_fields();
  for (const auto& [k, val] : fields) (*m)[k] = val;
  return v;
}
template <class T, class F>
Value List(const std::vector<T>& items, F each) {
  Value v;
  ListValue* list = v.mutable_list_value();
  for (const auto& item : items) *list->add_values() = each(item);
  return v;
}
Value Day(const std::optional<absl::CivilDay>& d) {
  if (!d) return S("");
  return S(absl::FormatCivilTime(*d));
}
Value Doc(const DocumentRef& d) {
  return Obj({{"uri", S(d.uri)}, {"sha256", S(d.sha256)}, {"title", S(d.title)}});
}
Value Selector(const PostSelector& s) {
  return Obj({{"post", S(s.post_id)}, {"code", S(s.post_code)}});
}

std::string Print(const Value& v) {
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(v, &out);
  return out;
}

Value Parse(const std::string& json) {
  Value v;
  if (json.empty() || !google::protobuf::util::JsonStringToMessage(json, &v).ok()) return Value();
  return v;
}

const Value& Field(const Value& obj, const char* key) {
  static const Value* empty = new Value();
  const auto& fields = obj.struct_value().fields();
  auto it = fields.find(key);
  return it == fields.end() ? *empty : it->second;
}
std::string Str(const Value& obj, const char* key) { return Field(obj, key).string_value(); }
int Int(const Value& obj, const char* key) { return static_cast<int>(Field(obj, key).number_value()); }
std::optional<absl::CivilDay> DayOf(const Value& obj, const char* key) {
  absl::CivilDay d;
  const std::string text = Str(obj, key);
  if (text.empty() || !absl::ParseCivilTime(text, &d)) return std::nullopt;
  return d;
}
DocumentRef DocOf(const Value& v) { return {Str(v, "uri"), Str(v, "sha256"), Str(v, "title")}; }
PostSelector SelectorOf(const Value& v) { return {Str(v, "post"), Str(v, "code")}; }
template <class T, class F>
void Each(const Value& list, std::vector<T>& out, F read) {
  out.clear();
  for (const auto& item : list.list_value().values()) out.push_back(read(item));
}

}  // namespace

std::string Encode(const std::vector<Duty>& duties) {
  return Print(List(duties, [](const Duty& d) {
    return Obj({{"text", S(d.text)}, {"time_share_bp", N(d.time_share_bp)}});
  }));
}
void Decode(const std::string& json, std::vector<Duty>& out) {
  Each(Parse(json), out, [](const Value& v) { return Duty{Str(v, "text"), Int(v, "time_share_bp")}; });
}

std::string Encode(const std::vector<QualificationGroup>& groups) {
  return Print(List(groups, [](const QualificationGroup& g) {
    return Obj({{"title", S(g.title)},
                {"mode", N(static_cast<int>(g.mode))},
                {"requirement", N(static_cast<int>(g.requirement))},
                {"items", List(g.items, [](const Qualification& q) {
                   return Obj({{"code", S(q.code)}, {"description", S(q.description)},
                               {"kind", N(q.kind)}, {"min_years", N(q.min_years)}});
                 })}});
  }));
}
void Decode(const std::string& json, std::vector<QualificationGroup>& out) {
  Each(Parse(json), out, [](const Value& v) {
    QualificationGroup g;
    g.title = Str(v, "title");
    g.mode = static_cast<GroupMode>(Int(v, "mode"));
    g.requirement = static_cast<Requirement>(Int(v, "requirement"));
    Each(Field(v, "items"), g.items, [](const Value& q) {
      return Qualification{Str(q, "code"), Str(q, "description"), Int(q, "kind"), Int(q, "min_years")};
    });
    return g;
  });
}

std::string Encode(const std::vector<std::string>& strings) {
  return Print(List(strings, [](const std::string& s) { return S(s); }));
}
void Decode(const std::string& json, std::vector<std::string>& out) {
  Each(Parse(json), out, [](const Value& v) { return v.string_value(); });
}

std::string Encode(const std::vector<ReportingLine>& lines) {
  return Print(List(lines, [](const ReportingLine& l) {
    return Obj({{"post", S(l.post_id)}, {"kind", N(static_cast<int>(l.kind))}, {"note", S(l.note)}});
  }));
}
void Decode(const std::string& json, std::vector<ReportingLine>& out) {
  Each(Parse(json), out, [](const Value& v) {
    return ReportingLine{Str(v, "post"), static_cast<LineKind>(Int(v, "kind")), Str(v, "note")};
  });
}

std::string Encode(const DocumentRef& document) { return Print(Doc(document)); }
void Decode(const std::string& json, DocumentRef& out) { out = DocOf(Parse(json)); }

std::string Encode(const std::vector<HeldQualification>& held) {
  return Print(List(held, [](const HeldQualification& h) {
    return Obj({{"code", S(h.code)}, {"description", S(h.description)}, {"kind", N(h.kind)},
                {"obtained", Day(h.obtained)}, {"expiry", Day(h.expiry)}, {"years", N(h.years)},
                {"evidence", Doc(h.evidence)}});
  }));
}
void Decode(const std::string& json, std::vector<HeldQualification>& out) {
  Each(Parse(json), out, [](const Value& v) {
    HeldQualification h;
    h.code = Str(v, "code");
    h.description = Str(v, "description");
    h.kind = Int(v, "kind");
    h.obtained = DayOf(v, "obtained");
    h.expiry = DayOf(v, "expiry");
    h.years = Int(v, "years");
    h.evidence = DocOf(Field(v, "evidence"));
    return h;
  });
}

std::string Encode(const Delegation& d) {
  return Print(Obj({{"acting_for", S(d.acting_for_id)}, {"delegated_by", S(d.delegated_by_id)},
                    {"reason", S(d.reason)}, {"document", Doc(d.document)},
                    {"capabilities", List(d.capabilities, [](const std::string& s) { return S(s); })}}));
}
void Decode(const std::string& json, Delegation& out) {
  const Value v = Parse(json);
  out.acting_for_id = Str(v, "acting_for");
  out.delegated_by_id = Str(v, "delegated_by");
  out.reason = Str(v, "reason");
  out.document = DocOf(Field(v, "document"));
  Each(Field(v, "capabilities"), out.capabilities, [](const Value& c) { return c.string_value(); });
}

std::string Encode(const Secondment& s) {
  return Print(Obj({{"from_organisation", S(s.from_organisation)},
                    {"home_post_title", S(s.home_post_title)}, {"agreement", Doc(s.agreement)}}));
}
void Decode(const std::string& json, Secondment& out) {
  const Value v = Parse(json);
  out = {Str(v, "from_organisation"), Str(v, "home_post_title"), DocOf(Field(v, "agreement"))};
}

std::string Encode(const Mitigation& m) {
  return Print(Obj({{"description", S(m.description)}, {"checker", S(m.checker_id)},
                    {"document", Doc(m.document)}, {"review_date", Day(m.review_date)}}));
}
void Decode(const std::string& json, Mitigation& out) {
  const Value v = Parse(json);
  out = {Str(v, "description"), Str(v, "checker"), DocOf(Field(v, "document")), DayOf(v, "review_date")};
}

std::string Encode(const std::vector<AllowedCombination>& whitelist) {
  return Print(List(whitelist, [](const AllowedCombination& c) {
    return Obj({{"posts", List(c.posts, Selector)}, {"note", S(c.note)}});
  }));
}
void Decode(const std::string& json, std::vector<AllowedCombination>& out) {
  Each(Parse(json), out, [](const Value& v) {
    AllowedCombination c;
    Each(Field(v, "posts"), c.posts, SelectorOf);
    c.note = Str(v, "note");
    return c;
  });
}

std::string Encode(const std::vector<SegregationPair>& pairs) {
  return Print(List(pairs, [](const SegregationPair& p) {
    return Obj({{"first", Selector(p.first)}, {"second", Selector(p.second)}, {"risk", S(p.risk)}});
  }));
}
void Decode(const std::string& json, std::vector<SegregationPair>& out) {
  Each(Parse(json), out, [](const Value& v) {
    return SegregationPair{SelectorOf(Field(v, "first")), SelectorOf(Field(v, "second")), Str(v, "risk")};
  });
}

}  // namespace huinong::org::store
