-- Every committed change to a login or a user is announced on lianxi_sessions, so an API
-- process that remembers live logins forgets the ones that changed (payload s:<session id>
-- or u:<user id>). NOTIFY is delivered at commit and only then.
CREATE FUNCTION lianxi_session_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lianxi_sessions', TG_ARGV[0] || OLD.id::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_change_notice AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION lianxi_session_notice('s:');
--> statement-breakpoint
CREATE TRIGGER users_change_notice AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION lianxi_session_notice('u:');
