-- A household's members often share one phone: a phone alone no longer
-- names one customer. A customer is the holder of an ID number when it is
-- known, else the person of that name at that phone, so the phone's unique
-- key gives way to one on (phone, display_name), and a plain key keeps the
-- intake lookup by phone an index read.
ALTER TABLE customers
  DROP INDEX IF EXISTS customers_phone,
  ADD UNIQUE KEY IF NOT EXISTS customers_phone_name (phone, display_name),
  ADD KEY IF NOT EXISTS customers_phone_lookup (phone);
