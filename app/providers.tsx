"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { Toaster } from "sonner";

export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* S-0: success toasts vanish after 6 s; error toasts stay until closed. */}
      <Toaster position="top-right" richColors closeButton duration={6000} />
    </QueryClientProvider>
  );
}
