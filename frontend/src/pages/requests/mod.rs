pub mod my_requests;
