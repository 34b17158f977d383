DROP TABLE child_transport;
