-- Timeline actors were stored by their Rust spelling ("KecamatanOperator"); they are stored by
-- their stable serde names ("kecamatan_operator") from now on. Rewrites rows written before.
UPDATE application_events SET actor = CASE actor
    WHEN 'Resident' THEN 'resident'
    WHEN 'KecamatanOperator' THEN 'kecamatan_operator'
    WHEN 'DinasOperator' THEN 'dinas_operator'
    WHEN 'DinasSupervisor' THEN 'dinas_supervisor'
    WHEN 'Administrator' THEN 'administrator'
    WHEN 'MatchingWorker' THEN 'matching_worker'
    ELSE actor END;
