DROP TABLE health_access_log;
DROP TABLE staff_permissions;
DROP TABLE child_health;
