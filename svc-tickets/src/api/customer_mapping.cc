// See customer_mapping.h. The domain enums carry the proto values.
#include "svc-tickets/src/api/customer_mapping.h"

#include <map>

#include "absl/strings/ascii.h"
#include "common/core/mask.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"

namespace huinong::tickets {
namespace {

bool Digits(const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; }

// 17 digits and a check character (digit or X).
bool IdCardNumber(const std::string& s) {
  return s.size() == 18 && Digits(s.substr(0, 17)) && (absl::ascii_isdigit(s[17]) || s[17] == 'X' || s[17] == 'x');
}

using Copy = void (*)(const Customer&, Customer&);

// Each updatable path with the members it sets.
const std::map<std::string, Copy>& Updatable() {
  static const auto* fields = new std::map<std::string, Copy>{
      {"display_name", [](const Customer& f, Customer& t) { t.display_name = f.display_name; }},
      {"phone", [](const Customer& f, Customer& t) { t.phone = f.phone; }},
      {"id_card_number", [](const Customer& f, Customer& t) { t.id_card_number = f.id_card_number; }},
      {"address", [](const Customer& f, Customer& t) { t.address = f.address; }},
      {"unit", [](const Customer& f, Customer& t) { t.unit_id = f.unit_id; }},
      {"tier", [](const Customer& f, Customer& t) { t.tier = f.tier; }},
      {"preferences",
       [](const Customer& f, Customer& t) {
         t.preferred_channel = f.preferred_channel;
         t.preferred_time = f.preferred_time;
         t.do_not_call = f.do_not_call;
         t.language = f.language;
       }},
      {"borrower", [](const Customer& f, Customer& t) { t.borrower = f.borrower; }},
      {"note", [](const Customer& f, Customer& t) { t.note = f.note; }},
  };
  return *fields;
}

}  // namespace

Customer CustomerFrom(const v1::Customer& in, const std::string& prefix, rpc::Violations& v) {
  const std::string p = prefix + ".";
  Customer c;
  rpc::CheckText(in.display_name(), p + "display_name", 1, 100, v);
  c.display_name = in.display_name();
  if (in.phone().size() < 5 || in.phone().size() > 20 || !Digits(in.phone())) {
    v.Add(p + "phone", "required: 5-20 digits");
  }
  c.phone = in.phone();
  if (!in.id_card_number().empty() && !IdCardNumber(in.id_card_number())) {
    v.Add(p + "id_card_number", "an 18-character resident ID number: 17 digits and a digit or X");
  }
  c.id_card_number = absl::AsciiStrToUpper(in.id_card_number());
  rpc::CheckText(in.address(), p + "address", 0, 500, v);
  c.address = in.address();
  c.unit_id = rpc::ParseOptionalName(in.unit(), "units", p + "unit", v);
  if (!v1::CustomerTier_IsValid(in.tier())) v.Add(p + "tier", "not a tier");
  c.tier = in.tier() == v1::CUSTOMER_TIER_UNSPECIFIED ? CustomerTier::kStandard : static_cast<CustomerTier>(in.tier());
  const v1::ContactPreferences& pref = in.preferences();
  if (!v1::TicketChannel_IsValid(pref.preferred_channel())) v.Add(p + "preferences.preferred_channel", "not a channel");
  c.preferred_channel = pref.preferred_channel() == v1::TICKET_CHANNEL_UNSPECIFIED
                            ? TicketChannel::kPhone
                            : static_cast<TicketChannel>(pref.preferred_channel());
  rpc::CheckText(pref.preferred_time(), p + "preferences.preferred_time", 0, 200, v);
  c.preferred_time = pref.preferred_time();
  c.do_not_call = pref.do_not_call();
  rpc::CheckText(pref.language(), p + "preferences.language", 0, 35, v);
  c.language = pref.language();
  c.borrower = rpc::ParseOptionalName(in.borrower(), "borrowers", p + "borrower", v);
  rpc::CheckText(in.note(), p + "note", 0, 2000, v);
  c.note = in.note();
  return c;
}

const std::set<std::string>& CustomerUpdatableFields() {
  static const auto* names = [] {
    auto* out = new std::set<std::string>();
    for (const auto& [name, copy] : Updatable()) out->insert(name);
    return out;
  }();
  return *names;
}

std::function<void(Customer&)> CustomerEdit(const v1::Customer& in, const std::set<std::string>& paths,
                                            rpc::Violations& v) {
  rpc::Violations all;
  const Customer values = CustomerFrom(in, "customer", all);
  rpc::KeepMasked(all, "customer", paths, v);
  return [values, paths](Customer& to) {
    for (const std::string& path : paths) {
      if (auto it = Updatable().find(path); it != Updatable().end()) it->second(values, to);
    }
  };
}

v1::Customer CustomerProto(const CustomerRecord& r, bool personal_visible) {
  const Customer& c = r.customer;
  v1::Customer out;
  out.set_name(rpc::FormatName("customers", c.id));
  out.set_display_name(c.display_name);
  out.set_phone(personal_visible ? c.phone : mask::Phone(c.phone));
  out.set_id_card_number(personal_visible ? c.id_card_number : mask::IdCard(c.id_card_number));
  // An address has no fixed shape: masked all but its first character.
  out.set_address(personal_visible || c.address.empty() ? c.address : mask::Name(c.address));
  if (!c.unit_id.empty()) out.set_unit(rpc::FormatName("units", c.unit_id));
  out.set_tier(static_cast<v1::CustomerTier>(c.tier));
  v1::ContactPreferences* pref = out.mutable_preferences();
  pref->set_preferred_channel(static_cast<v1::TicketChannel>(c.preferred_channel));
  pref->set_preferred_time(c.preferred_time);
  pref->set_do_not_call(c.do_not_call);
  pref->set_language(c.language);
  if (!c.borrower.empty()) out.set_borrower(rpc::FormatName("borrowers", c.borrower));
  out.set_note(c.note);
  out.set_ticket_count(r.history.tickets);
  out.set_open_ticket_count(r.history.open_tickets);
  if (r.history.last_contact) *out.mutable_last_contact_time() = rpc::ToTimestamp(*r.history.last_contact);
  *out.mutable_create_time() = rpc::ToTimestamp(c.create_time);
  *out.mutable_update_time() = rpc::ToTimestamp(c.update_time);
  out.set_etag(rpc::Etag(c.version));
  return out;
}

absl::Status RecordCustomer(server::Mutation& m, const Customer* before, const CustomerRecord& after) {
  // The record as changed, without what the tickets say (not part of it).
  const v1::Customer shown_after = CustomerProto({after.customer, {}}, false);
  std::optional<v1::Customer> shown_before;
  if (before != nullptr) shown_before = CustomerProto({*before, {}}, false);
  const std::string unit = after.customer.unit_id.empty() ? "" : rpc::FormatName("units", after.customer.unit_id);
  return m.Record({"customer", shown_after.name(), unit, shown_before ? &*shown_before : nullptr, &shown_after});
}

}  // namespace huinong::tickets
