-- A household's members often share one phone: a phone alone no longer
-- names one customer. A customer is the holder of an ID number when it is
-- known, else the person of that name at that phone, so the phone's unique
-- key gives way to one on (phone, display_name), which phone leads: the
-- intake lookup by phone stays an index read.
ALTER TABLE customers
  DROP INDEX IF EXISTS customers_phone,
  ADD UNIQUE KEY IF NOT EXISTS customers_phone_name (phone, display_name);
