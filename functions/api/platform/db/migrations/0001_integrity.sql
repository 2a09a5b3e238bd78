CREATE TABLE "revoked_logins" (
	"login_id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "version_id" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "login_id" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "refresh_token" text;--> statement-breakpoint
CREATE INDEX "revoked_logins_expires_at_idx" ON "revoked_logins" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "assessments_user_updated_idx" ON "assessments" USING btree ("user_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "sessions_login_id_idx" ON "sessions" USING btree ("login_id");