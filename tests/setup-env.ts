// Every test process signs and verifies tokens with this secret (never the checkout's dev secret).
process.env.AUTH_JWT_SECRET ??= "test-secret-for-the-jest-suite-only-0123456789";
