import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="mb-2 text-2xl font-light">Page not found</h1>
      <p className="mb-4 text-slate-600">The page you asked for does not exist, or you do not have access to it.</p>
      <Link href="/">Go to Smart Software Licensing</Link>
    </main>
  );
}
