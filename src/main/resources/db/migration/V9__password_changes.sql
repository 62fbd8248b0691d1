-- After an Admin resets a password, the user must choose a new one at the next sign-in.
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column password_changed_at timestamptz;
