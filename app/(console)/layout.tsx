import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@/components/providers/trpc-provider';
import { TopBar } from '@/components/shell/top-bar';

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <TopBar />
      <main className="mx-auto w-full max-w-7xl px-6 py-6">{children}</main>
    </TRPCReactProvider>
  );
}
