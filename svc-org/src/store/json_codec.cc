// See json_codec.h. Values are nlohmann-json objects, written with sorted
// keys; reading takes whatever member is there and of the right type.
#include "svc-org/src/store/json_codec.h"

#include "svc-org/src/store/json_parts.h"

namespace huinong::org::store {

Json ToJson(const std::vector<Duty>& duties) {
  return List(duties, [](const Duty& d) { return Json{{"text", d.text}, {"time_share_bp", d.time_share_bp}}; });
}
void FromJson(const Json& list, std::vector<Duty>& out) {
  Each(list, out, [](const Json& v) { return Duty{Str(v, "text"), Int(v, "time_share_bp")}; });
}
std::string Encode(const std::vector<Duty>& duties) { return Print(ToJson(duties)); }
void Decode(const std::string& json, std::vector<Duty>& out) { FromJson(Parse(json), out); }

Json ToJson(const std::vector<QualificationGroup>& groups) {
  return List(groups, [](const QualificationGroup& g) {
    return Json{{"title", g.title},
                {"mode", static_cast<int>(g.mode)},
                {"requirement", static_cast<int>(g.requirement)},
                {"items", List(g.items, [](const Qualification& q) {
                   return Json{{"code", q.code}, {"description", q.description}, {"kind", q.kind},
                               {"min_years", q.min_years}};
                 })}};
  });
}
void FromJson(const Json& list, std::vector<QualificationGroup>& out) {
  Each(list, out, [](const Json& v) {
    QualificationGroup g;
    g.title = Str(v, "title");
    g.mode = static_cast<GroupMode>(Int(v, "mode"));
    g.requirement = static_cast<Requirement>(Int(v, "requirement"));
    Each(Field(v, "items"), g.items, [](const Json& q) {
      return Qualification{Str(q, "code"), Str(q, "description"), Int(q, "kind"), Int(q, "min_years")};
    });
    return g;
  });
}
std::string Encode(const std::vector<QualificationGroup>& groups) { return Print(ToJson(groups)); }
void Decode(const std::string& json, std::vector<QualificationGroup>& out) { FromJson(Parse(json), out); }

std::string Encode(const std::vector<std::string>& strings) {
  return Print(List(strings, [](const std::string& s) { return Json(s); }));
}
void Decode(const std::string& json, std::vector<std::string>& out) {
  Each(Parse(json), out, AsString);
}

Json ToJson(const std::vector<ReportingLine>& lines) {
  return List(lines, [](const ReportingLine& l) {
    return Json{{"post", l.post_id}, {"kind", static_cast<int>(l.kind)}, {"note", l.note}};
  });
}
void FromJson(const Json& list, std::vector<ReportingLine>& out) {
  Each(list, out, [](const Json& v) {
    return ReportingLine{Str(v, "post"), static_cast<LineKind>(Int(v, "kind")), Str(v, "note")};
  });
}
std::string Encode(const std::vector<ReportingLine>& lines) { return Print(ToJson(lines)); }
void Decode(const std::string& json, std::vector<ReportingLine>& out) { FromJson(Parse(json), out); }

std::string Encode(const DocumentRef& document) { return Print(Doc(document)); }
void Decode(const std::string& json, DocumentRef& out) { out = DocOf(Parse(json)); }

std::string Encode(const std::vector<HeldQualification>& held) {
  return Print(List(held, [](const HeldQualification& h) {
    return Json{{"code", h.code},           {"description", h.description}, {"kind", h.kind},
                {"obtained", Day(h.obtained)}, {"expiry", Day(h.expiry)},     {"years", h.years},
                {"evidence", Doc(h.evidence)}};
  }));
}
void Decode(const std::string& json, std::vector<HeldQualification>& out) {
  Each(Parse(json), out, [](const Json& v) {
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
  return Print(Json{{"acting_for", d.acting_for_id}, {"delegated_by", d.delegated_by_id},
                    {"reason", d.reason}, {"document", Doc(d.document)},
                    {"capabilities", d.capabilities}});
}
void Decode(const std::string& json, Delegation& out) {
  const Json v = Parse(json);
  out.acting_for_id = Str(v, "acting_for");
  out.delegated_by_id = Str(v, "delegated_by");
  out.reason = Str(v, "reason");
  out.document = DocOf(Field(v, "document"));
  Each(Field(v, "capabilities"), out.capabilities, AsString);
}

std::string Encode(const Secondment& s) {
  return Print(Json{{"from_organisation", s.from_organisation},
                    {"home_post_title", s.home_post_title}, {"agreement", Doc(s.agreement)}});
}
void Decode(const std::string& json, Secondment& out) {
  const Json v = Parse(json);
  out = {Str(v, "from_organisation"), Str(v, "home_post_title"), DocOf(Field(v, "agreement"))};
}

std::string Encode(const Mitigation& m) {
  return Print(Json{{"description", m.description}, {"checker", m.checker_id},
                    {"document", Doc(m.document)}, {"review_date", Day(m.review_date)}});
}
void Decode(const std::string& json, Mitigation& out) {
  const Json v = Parse(json);
  out = {Str(v, "description"), Str(v, "checker"), DocOf(Field(v, "document")), DayOf(v, "review_date")};
}

std::string Encode(const std::vector<AllowedCombination>& whitelist) {
  return Print(List(whitelist, [](const AllowedCombination& c) {
    return Json{{"posts", List(c.posts, Selector)}, {"note", c.note}};
  }));
}
void Decode(const std::string& json, std::vector<AllowedCombination>& out) {
  Each(Parse(json), out, [](const Json& v) {
    AllowedCombination c;
    Each(Field(v, "posts"), c.posts, SelectorOf);
    c.note = Str(v, "note");
    return c;
  });
}

std::string Encode(const std::vector<SegregationPair>& pairs) {
  return Print(List(pairs, [](const SegregationPair& p) {
    return Json{{"first", Selector(p.first)}, {"second", Selector(p.second)}, {"risk", p.risk}};
  }));
}
void Decode(const std::string& json, std::vector<SegregationPair>& out) {
  Each(Parse(json), out, [](const Json& v) {
    return SegregationPair{SelectorOf(Field(v, "first")), SelectorOf(Field(v, "second")), Str(v, "risk")};
  });
}

std::string Encode(const ApprovalChain& chain) {
  return Print(Json{{"title", chain.title}, {"steps", List(chain.steps, [](const StepTemplate& s) {
                       return Json{{"title", s.title}, {"capability", s.capability},
                                   {"at_unit_id", s.at_unit_id}, {"applies_to", s.applies_to}};
                     })}});
}
void Decode(const std::string& json, ApprovalChain& out) {
  const Json v = Parse(json);
  out.title = Str(v, "title");
  Each(Field(v, "steps"), out.steps, [](const Json& s) {
    StepTemplate t{Str(s, "title"), Str(s, "capability"), Str(s, "at_unit_id"), {}};
    Each(Field(s, "applies_to"), t.applies_to, [](const Json& k) { return k.is_number() ? k.get<int>() : 0; });
    return t;
  });
}

}  // namespace huinong::org::store
