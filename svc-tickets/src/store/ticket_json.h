// The part of a ticket kept as JSON in tickets.body_json: everything no list
// filters or scopes on (texts, contact, promises, approval, manager notice,
// counters). Decoding a body written by an older build leaves absent fields
// at their defaults.
#pragma once

#include <string>

#include "svc-tickets/src/domain/ticket.h"

namespace huinong::tickets::store {

std::string EncodeTicketBody(const Ticket& t);
// Fills the body's fields of `t`; the columns' fields are left alone.
void DecodeTicketBody(const std::string& text, Ticket& t);

}  // namespace huinong::tickets::store
