import { hydrateApp } from '@heard/ui/remix/entry.client';

void hydrateApp();
