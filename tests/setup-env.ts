// Every test process signs and verifies tokens with this secret (never the checkout's dev secret).
process.env.AUTH_JWT_SECRET ??= "test-secret-for-the-jest-suite-only-0123456789";
// ... and this one for the tokens services sign for each other, so no test writes the checkout's files.
process.env.AUTH_INTERNAL_SECRET ??= "test-internal-secret-for-the-jest-suite-0123456789";
