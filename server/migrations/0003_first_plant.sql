-- A PC that enrolled with a plant of its own into an empty site is that site's first PC only
-- if its data arrives first: two such PCs enrolled before either pushed would otherwise pour
-- two plants into one site. Set at enrolment, cleared by the device's first accepted push.
ALTER TABLE devices ADD COLUMN brings_plant BOOLEAN NOT NULL DEFAULT FALSE;
